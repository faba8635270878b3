/** What other capabilities may use of the phone system: nothing yet (the reports will read its answer times). */
export {};
