import { describe, expect, it } from 'vitest';
import { problemFieldPath } from './problemFieldPath';

const sections = [
  { section: 'Args', params: [{ key: 'lr', value: '0.1' }, { key: 'batch.size' }] },
  { section: 'Model.Extra', params: [{ key: 'depth' }] },
];

describe('problemFieldPath', () => {
  it('maps plain and nested form fields as named by the contract', () => {
    expect(problemFieldPath('name', 'taken', sections)).toEqual(['name']);
    expect(problemFieldPath('script.branch', 'bad', sections)).toEqual(['script', 'branch']);
    expect(problemFieldPath('body.container.image', 'bad', sections)).toEqual([
      'container',
      'image',
    ]);
  });

  it('when a hyperparameter value is named, then its value field, found by section and key', () => {
    expect(problemFieldPath('hyperparameters.Args.lr', 'must be a number', sections)).toEqual([
      'hyperparameters',
      0,
      'params',
      0,
      'value',
    ]);
  });

  it('when section or key names hold dots, then they are still matched whole', () => {
    expect(problemFieldPath('hyperparameters.Args.batch.size', 'too long', sections)).toEqual([
      'hyperparameters',
      0,
      'params',
      1,
      'value',
    ]);
    expect(problemFieldPath('hyperparameters.Model.Extra.depth', 'too long', sections)).toEqual([
      'hyperparameters',
      1,
      'params',
      0,
      'value',
    ]);
  });

  it('when the key itself is not a valid name, then the key field', () => {
    expect(problemFieldPath('hyperparameters.Args.lr', 'is not a valid name', sections)).toEqual([
      'hyperparameters',
      0,
      'params',
      0,
      'key',
    ]);
  });

  it('when a section is named, then its name field', () => {
    expect(problemFieldPath('hyperparameters.Args', 'too many parameters', sections)).toEqual([
      'hyperparameters',
      0,
      'section',
    ]);
  });

  it('when nothing in the form matches, then null (the alert shows it)', () => {
    expect(problemFieldPath('hyperparameters.Args.momentum', 'bad', sections)).toBeNull();
    expect(problemFieldPath('hyperparameters.Other.lr', 'bad', sections)).toBeNull();
    expect(problemFieldPath('hyperparameters', 'too many sections', sections)).toBeNull();
    expect(problemFieldPath('configuration.cvat_labels', 'bad', sections)).toBeNull();
    expect(problemFieldPath('hyperparameters.Args.lr', 'bad', undefined)).toBeNull();
  });
});
