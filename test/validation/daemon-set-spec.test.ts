import { expectAccepted, expectError, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';

const RESTART_POLICY = `${TEMPLATE_SPEC}.restartPolicy`;
const ACTIVE_DEADLINE = `${TEMPLATE_SPEC}.activeDeadlineSeconds`;

describe('ValidateDaemonSetSpec + SetDefaults_PodSpec: restartPolicy must be Always', () => {
  it.each<[string, unknown]>([
    ['missing (defaulted to Always)', undefined],
    ['empty (defaulted to Always)', ''],
    ['Always', 'Always'],
  ])('accepts a restartPolicy that is %s', (_, restartPolicy) => {
    const errors = validate((ds) => {
      if (restartPolicy === undefined) delete podSpec(ds).restartPolicy;
      else podSpec(ds).restartPolicy = restartPolicy;
    });
    expectAccepted(errors, RESTART_POLICY);
  });

  it.each([['Never'], ['OnFailure']])('rejects restartPolicy %s as NotSupported, supporting only "Always"', (restartPolicy) => {
    const errors = validate((ds) => { podSpec(ds).restartPolicy = restartPolicy; });
    expect(errors).toEqual([
      { field: RESTART_POLICY, type: 'NotSupported', message: 'supported values: "Always"', value: restartPolicy },
    ]);
  });

  it('rejects a restartPolicy that no pod supports', () => {
    const errors = validate((ds) => { podSpec(ds).restartPolicy = 'Sometimes'; });
    expectError(errors, { field: RESTART_POLICY, type: 'NotSupported', words: ['"Always"'] });
  });
});

describe('ValidateDaemonSetSpec: activeDeadlineSeconds is forbidden', () => {
  it.each([[0], [30], [86400]])('rejects activeDeadlineSeconds %j', (seconds) => {
    const errors = validate((ds) => { podSpec(ds).activeDeadlineSeconds = seconds; });
    expectError(errors, { field: ACTIVE_DEADLINE, type: 'Forbidden', words: ['activeDeadlineSeconds in DaemonSet is not Supported'] });
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['null', null],
  ])('accepts activeDeadlineSeconds %s', (_, seconds) => {
    expectAccepted(validate((ds) => { podSpec(ds).activeDeadlineSeconds = seconds; }), ACTIVE_DEADLINE);
  });
});

describe('ValidateDaemonSetSpec: minReadySeconds and revisionHistoryLimit (ValidateNonnegativeField)', () => {
  it.each<[string, number]>([
    ['minReadySeconds', 0],
    ['minReadySeconds', 10],
    ['revisionHistoryLimit', 0],
    ['revisionHistoryLimit', 10],
  ])('accepts %s %j', (field, value) => {
    expectAccepted(validate((ds) => { ds.spec[field] = value; }), `spec.${field}`);
  });

  it.each<[string, number]>([
    ['minReadySeconds', -1],
    ['minReadySeconds', -30],
    ['revisionHistoryLimit', -1],
  ])('rejects %s %j', (field, value) => {
    const errors = validate((ds) => { ds.spec[field] = value; });
    expect(errors).toEqual([
      { field: `spec.${field}`, type: 'Invalid', message: 'must be greater than or equal to 0', value },
    ]);
  });

  it.each([['minReadySeconds'], ['revisionHistoryLimit']])('accepts a missing %s (revisionHistoryLimit defaults to 10)', (field) => {
    expectAccepted(validate((ds) => { delete ds.spec[field]; }), `spec.${field}`);
  });
});

describe('SetDefaults_PodSpec: JSON null decodes to the zero value, which is defaulted', () => {
  it('accepts restartPolicy: null as Always', () => {
    expectAccepted(validate((ds) => { podSpec(ds).restartPolicy = null; }), RESTART_POLICY);
  });
});
