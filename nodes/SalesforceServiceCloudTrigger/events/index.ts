import { caseClosed } from './caseClosed';
import { chatEnded } from './chatEnded';
import { newEmail } from './newEmail';
import { messagingSessionEnded } from './messagingSessionEnded';
import { recordCreated } from './recordCreated';
import { recordUpdated } from './recordUpdated';
import type { TriggerEvent } from './triggerEvent';

/** The trigger's events, in the order the Event list shows them; the first is the default. */
export const TRIGGER_EVENTS: TriggerEvent[] = [
	caseClosed,
	recordCreated,
	recordUpdated,
	newEmail,
	chatEnded,
	messagingSessionEnded,
];

/** The event stored in the workflow; a workflow saved before the Event choice existed is Case Closed. */
export function eventNamed(value: unknown): TriggerEvent | undefined {
	return TRIGGER_EVENTS.find((e) => e.option.value === (value ?? TRIGGER_EVENTS[0].option.value));
}

const names = Object.fromEntries(TRIGGER_EVENTS.map((e) => [e.option.value, e.option.name]));
const onObject = TRIGGER_EVENTS.filter((e) =>
	e.properties.some((p) => p.name === 'objectName'),
).map((e) => e.option.value);

/** The node's subtitle on the canvas: the chosen event, and the object for the events on any object. */
export const TRIGGER_SUBTITLE = `={{ (${JSON.stringify(names)}[$parameter["event"]] || "${TRIGGER_EVENTS[0].option.name}") + (${JSON.stringify(onObject)}.includes($parameter["event"]) ? ": " + $parameter["objectName"] : "") }}`;
