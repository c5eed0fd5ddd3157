import { describe, expect, it } from 'vitest';
import { datasetLink, homeLink } from './links';

describe('links', () => {
  it('are hash-only, so they keep the page they were opened from (a base path, a file name)', () => {
    const page = 'https://team.github.io/nps-lines/';
    expect(new URL(datasetLink('a1', 'trend'), page).href).toBe('https://team.github.io/nps-lines/#/datasets/a1/trend');
    expect(new URL(homeLink, 'file:///media/usb/nps-lines.html#/datasets/a1').href).toBe('file:///media/usb/nps-lines.html#/');
  });

  it('encode the dataset id and leave the overview without a view segment', () => {
    expect(datasetLink('a b/c')).toBe('#/datasets/a%20b%2Fc');
    expect(datasetLink('x', 'comments')).toBe('#/datasets/x/comments');
  });
});
