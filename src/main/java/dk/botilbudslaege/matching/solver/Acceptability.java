package dk.botilbudslaege.matching.solver;

import java.util.Arrays;

/**
 * The raw preference lists (as indexes) cut down to the mutually acceptable pairs, with, for every
 * entry, the partner's position of it in the partner's cut list. Linear in the total list length: each
 * facility stamps the doctors it ranks, then looks at the doctors that rank it.
 */
final class Acceptability {

    final int[][] doctorPrefs;
    final int[][] facilityPrefs;
    final int[][] rankAtFacility;
    final int[][] rankAtDoctor;

    Acceptability(int[][] rawDoctor, int[][] rawFacility) {
        int nd = rawDoctor.length;
        int nf = rawFacility.length;
        // who ranks each facility, and at which raw position of their own list
        int[] start = new int[nf + 1];
        for (int[] list : rawDoctor) {
            for (int f : list) {
                start[f + 1]++;
            }
        }
        for (int f = 0; f < nf; f++) {
            start[f + 1] += start[f];
        }
        int[] rankerDoctor = new int[start[nf]];
        int[] rankerPosition = new int[start[nf]];
        int[] fill = Arrays.copyOf(start, nf);
        for (int d = 0; d < nd; d++) {
            for (int k = 0; k < rawDoctor[d].length; k++) {
                int f = rawDoctor[d][k];
                rankerDoctor[fill[f]] = d;
                rankerPosition[fill[f]++] = k;
            }
        }
        // pass 1: mark the mutually acceptable entries of both raw lists
        boolean[][] doctorOk = new boolean[nd][];
        for (int d = 0; d < nd; d++) {
            doctorOk[d] = new boolean[rawDoctor[d].length];
        }
        boolean[][] facilityOk = new boolean[nf][];
        int[] stamp = new int[nd];
        Arrays.fill(stamp, -1);
        int[] position = new int[nd];
        for (int f = 0; f < nf; f++) {
            facilityOk[f] = new boolean[rawFacility[f].length];
            stampFacility(f, rawFacility[f], stamp, position);
            for (int i = start[f]; i < start[f + 1]; i++) {
                int d = rankerDoctor[i];
                if (stamp[d] == f) {
                    doctorOk[d][rankerPosition[i]] = true;
                    facilityOk[f][position[d]] = true;
                }
            }
        }
        int[][] doctorCut = new int[nd][];
        doctorPrefs = cut(rawDoctor, doctorOk, doctorCut);
        int[][] facilityCut = new int[nf][];
        facilityPrefs = cut(rawFacility, facilityOk, facilityCut);
        // pass 2: each side's position in the other's cut list
        rankAtFacility = new int[nd][];
        for (int d = 0; d < nd; d++) {
            rankAtFacility[d] = new int[doctorPrefs[d].length];
        }
        rankAtDoctor = new int[nf][];
        Arrays.fill(stamp, -1);
        for (int f = 0; f < nf; f++) {
            rankAtDoctor[f] = new int[facilityPrefs[f].length];
            stampFacility(f, rawFacility[f], stamp, position);
            for (int i = start[f]; i < start[f + 1]; i++) {
                int d = rankerDoctor[i];
                if (stamp[d] == f) {
                    int doctorSide = doctorCut[d][rankerPosition[i]];
                    int facilitySide = facilityCut[f][position[d]];
                    rankAtFacility[d][doctorSide] = facilitySide;
                    rankAtDoctor[f][facilitySide] = doctorSide;
                }
            }
        }
    }

    private static void stampFacility(int f, int[] ranked, int[] stamp, int[] position) {
        for (int k = 0; k < ranked.length; k++) {
            stamp[ranked[k]] = f;
            position[ranked[k]] = k;
        }
    }

    /** The entries marked ok, in order; {@code cutPosition[a][rawK]} is the entry's position after the cut. */
    private static int[][] cut(int[][] raw, boolean[][] ok, int[][] cutPosition) {
        int[][] result = new int[raw.length][];
        for (int a = 0; a < raw.length; a++) {
            int[] kept = new int[raw[a].length];
            cutPosition[a] = new int[raw[a].length];
            int n = 0;
            for (int k = 0; k < raw[a].length; k++) {
                cutPosition[a][k] = ok[a][k] ? n : -1;
                if (ok[a][k]) {
                    kept[n++] = raw[a][k];
                }
            }
            result[a] = Arrays.copyOf(kept, n);
        }
        return result;
    }
}
