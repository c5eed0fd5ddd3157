/** The open dataset, shared by the dataset layout and its views. */
import { getContext, setContext } from 'svelte';
import type { OpenDataset } from './open-dataset.svelte';

const KEY = Symbol('open-dataset');

export function provideDataset(dataset: OpenDataset): OpenDataset {
  return setContext(KEY, dataset);
}

export function useDataset(): OpenDataset {
  return getContext<OpenDataset>(KEY);
}
