/** What the arms register's other packages and the database use and no other module may: the H2 trigger of V51. */
package legion.arms.internal;
