import { describe, expect, it } from 'vitest';
import { main } from '../../../edge-agent/src/provision/cli.ts';
import { DEBIAN_AMAZON_ROOT_CA, parseProvisionArgs } from '../../../edge-agent/src/provision/options.ts';

describe('Function: parseProvisionArgs', () => {
  it('fills the defaults: the city stack’s policy and thing type, ap-southeast-1, the Debian CA', () => {
    expect(parseProvisionArgs(['--ward', 'hai-chau-i', '--out', 'agents/hai-chau-i'])).toEqual({
      help: false,
      options: {
        wardId: 'hai-chau-i',
        outDir: 'agents/hai-chau-i',
        policyName: 'motcua-ward-agent',
        thingTypeName: 'motcua-ward-agent',
        region: 'ap-southeast-1',
        caPath: DEBIAN_AMAZON_ROOT_CA,
        force: false,
      },
    });
  });

  it('takes every option', () => {
    const parsed = parseProvisionArgs([
      '--ward=hai-chau-i',
      '--out=x',
      '--policy=motcua-staging-ward-agent',
      '--thing-type=motcua-staging-ward-agent',
      '--region=ap-southeast-2',
      '--ca=ca.pem',
      '--force',
    ]);
    expect(parsed).toMatchObject({
      options: {
        policyName: 'motcua-staging-ward-agent',
        region: 'ap-southeast-2',
        caPath: 'ca.pem',
        force: true,
      },
    });
  });

  it('names every missing or bad argument at once', () => {
    expect(parseProvisionArgs(['--region', 'mars'])).toEqual({
      help: false,
      problems: [
        '--ward: is required (--ward <wardId>)',
        '--out: is required (--out <dir>)',
        '--region: must be an AWS region such as ap-southeast-1',
      ],
    });
    expect(parseProvisionArgs(['--wart', 'x'])).toMatchObject({
      problems: [expect.stringMatching(/--wart/)],
    });
  });
});

describe('Function: main', () => {
  const sink = () => {
    const chunks: string[] = [];
    return { write: (s: string) => chunks.push(s), text: () => chunks.join('') };
  };

  it('prints the usage and exits 2 on bad arguments, 0 on --help', async () => {
    const [out, err] = [sink(), sink()];
    expect(await main(['--out', 'x'], out, err)).toBe(2);
    expect(err.text()).toMatch(/error: --ward: is required[\s\S]*Usage: npm run provision/);
    expect(await main(['--help'], out, err)).toBe(0);
    expect(out.text()).toMatch(/^Registers a ward's edge agent/);
  });
});
