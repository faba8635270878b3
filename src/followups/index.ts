/**
 * What other capabilities may use of follow-ups: nothing yet. Follow-ups start from the cases'
 * `repairCompleted` event and tell others through live events and the case's timeline.
 */
export {};
