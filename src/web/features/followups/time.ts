/** The estate's clock lives with the app; follow-up screens import it from here as well. */
export * from '../../app/time';
