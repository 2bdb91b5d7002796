/**
 * Watchlist screening and identity resolution (duplicate applications across embassies).
 */
package legion.screening;
