package dk.botilbudslaege.agreement;

import java.util.List;

/**
 * What an agreement binds a doctor to: one facility, one section of a facility, or a group of
 * facilities at the same address or under common management (SPEC §3, R4, R7).
 *
 * @param facilityIds the facility, the section's facility, or every member of the group
 */
public record Unit(UnitKind kind, List<Long> facilityIds, Long sectionId, Long groupId) {

    public Unit {
        facilityIds = List.copyOf(facilityIds);
    }

    static Unit facility(long facilityId) {
        return new Unit(UnitKind.FACILITY, List.of(facilityId), null, null);
    }

    static Unit section(long facilityId, long sectionId) {
        return new Unit(UnitKind.SECTION, List.of(facilityId), sectionId, null);
    }

    static Unit group(long groupId, List<Long> members) {
        return new Unit(UnitKind.GROUP, members, null, groupId);
    }
}
