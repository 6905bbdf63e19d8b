// First file of the content scripts registered for a site the seller taught with the picker and
// allowed to run by itself (overlay/site-access.js): main.js then starts without the toolbar click.
globalThis.DRRegistered = true;
