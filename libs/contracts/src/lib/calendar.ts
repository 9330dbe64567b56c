/** A subscribable calendar address; the token in it is the credential, shown once. */
export interface CalendarFeedView {
  url: string;
  createdAt: string;
}

/** Whether the caller has a live feed (the token itself is never shown again). */
export interface CalendarFeedStatusView {
  active: boolean;
  createdAt: string | null;
}
