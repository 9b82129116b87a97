/** The dashboard page of one alarm; names may hold dots, slashes and spaces. */
export const alarmHref = (name: string) => `/alarms/${encodeURIComponent(name)}`;
