/**
 * Demo data for Region Midtjylland (local mode) and the seeded national synthetic data set used by
 * the benchmarks, calibrated to the national table of facilities in seed 004.
 */
package dk.botilbudslaege.demo;
