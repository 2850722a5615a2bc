import { describe, expect, it } from 'vitest';
import { embeddedBots, embeddedComponents } from '~/lib/content/lesson-body';

const body = `Intro text.

<Quiz id="one" />

<SandboxBot bot="rides-to-polls" channel="sms" />

Some text mentioning <SandboxBot> in prose is not a component with a bot.

<BotPlayground starter="rides-starter" exercise="rides-exercise" />
<SandboxBot bot="rides-to-polls" />
<SandboxBot channel="messenger" bot="opt-in-list"/>
`;

describe('embeddedComponents', () => {
  it('lists quizzes, bots and playgrounds in order with their attributes, in any attribute order', () => {
    const found = embeddedComponents(body);
    expect(found.map((c) => c.name)).toEqual(['Quiz', 'SandboxBot', 'SandboxBot', 'BotPlayground', 'SandboxBot', 'SandboxBot']);
    expect(found[0]?.attribute('id')).toBe('one');
    expect(found[1]?.attribute('channel')).toBe('sms');
    expect(found[2]?.attribute('bot')).toBeUndefined();
    expect(found[3]?.attribute('starter')).toBe('rides-starter');
    expect(found[5]?.attribute('bot')).toBe('opt-in-list');
    expect(body.slice(found[1]!.index)).toMatch(/^<SandboxBot bot="rides-to-polls"/);
  });
});

describe('embeddedBots', () => {
  it('gives each bot and exercise once, ignoring components without an id', () => {
    expect(embeddedBots(body)).toEqual({ bots: ['rides-to-polls', 'opt-in-list'], exercises: ['rides-exercise'] });
    expect(embeddedBots('No components here.')).toEqual({ bots: [], exercises: [] });
  });
});
