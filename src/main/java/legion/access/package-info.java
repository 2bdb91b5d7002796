/**
 * Officers, their roles and embassy scope, login.
 */
package legion.access;
