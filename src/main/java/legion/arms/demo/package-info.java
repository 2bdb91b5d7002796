/** The arms register's demo: its officers (seeded by the platform) and weapons in stock and issued. */
package legion.arms.demo;
