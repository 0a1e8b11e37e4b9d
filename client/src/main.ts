/** Start-up: the canvas with the start view (the most connected entities), and the health line. */
import './styles.css';
import { api } from './api';
import { createCanvas, showElements, toElements } from './graph';
import { showHealth } from './status';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}.`);
  return element as T;
}

async function start(): Promise<void> {
  const status = byId('status');
  const message = byId('graph-message');
  const cy = createCanvas(byId('graph'));
  (window as unknown as { fingraph: unknown }).fingraph = { cy };

  api.health().then((report) => showHealth(status, report), (error: Error) => showHealth(status, error));

  message.hidden = false;
  message.textContent = 'Loading the graph…';
  try {
    const view = await api.startView();
    if (view.nodes.length === 0) {
      message.textContent = 'The database is empty. Load the default dataset with `npm run seed`, or import your own.';
      return;
    }
    showElements(cy, toElements(view));
    message.hidden = true;
  } catch (error) {
    message.textContent = `Could not load the graph: ${(error as Error).message}`;
  }
}

void start();
