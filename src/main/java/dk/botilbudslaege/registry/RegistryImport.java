package dk.botilbudslaege.registry;

import java.util.List;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports facilities, and practices with their doctors, from CSV or XLSX (SPEC §2, imports). Every
 * row is checked by the rules of the forms and the caller's scope; if any row is bad, every problem
 * is reported by row number and column and nothing is imported. Otherwise all rows are inserted,
 * each with its audit record, in one transaction.
 */
@Service
class RegistryImport {

    /** What a practice file created. */
    record PracticeCounts(int practices, int doctors) {
    }

    private final FacilityImport facilityImport;
    private final PracticeImport practiceImport;
    private final Facilities facilities;
    private final Practices practices;
    private final Doctors doctors;

    RegistryImport(FacilityImport facilityImport, PracticeImport practiceImport, Facilities facilities,
                   Practices practices, Doctors doctors) {
        this.facilityImport = facilityImport;
        this.practiceImport = practiceImport;
        this.facilities = facilities;
        this.practices = practices;
        this.doctors = doctors;
    }

    /** Region and municipality import facilities, each within the scope it has for creating one. */
    static boolean canImportFacilities(CurrentUser user) {
        return user.is(Role.REGION) || user.is(Role.MUNICIPALITY);
    }

    /** Only the region imports practices and doctors, as only it creates practices. */
    static boolean canImportPractices(CurrentUser user) {
        return user.is(Role.REGION);
    }

    /** The number of facilities imported; or {@link dk.botilbudslaege.common.InvalidRowsException}. */
    @Transactional
    public int importFacilities(CurrentUser user, MultipartFile upload) {
        if (!canImportFacilities(user)) {
            throw new ForbiddenException("scope.import.facilities");
        }
        ImportFile file = ImportFile.of(upload);
        RowProblems problems = new RowProblems();
        List<Facility.FacilityData> rows = facilityImport.read(user, file, problems);
        problems.throwIfAny();
        rows.forEach(facilities::store);
        return rows.size();
    }

    /** The practices and doctors imported; or {@link dk.botilbudslaege.common.InvalidRowsException}. */
    @Transactional
    public PracticeCounts importPractices(CurrentUser user, MultipartFile upload) {
        if (!canImportPractices(user)) {
            throw new ForbiddenException("scope.import.practices");
        }
        ImportFile file = ImportFile.of(upload);
        RowProblems problems = new RowProblems();
        List<PracticeImport.NewPractice> rows = practiceImport.read(user, file, problems);
        problems.throwIfAny();
        int doctorCount = 0;
        for (PracticeImport.NewPractice row : rows) {
            long practiceId = practices.store(row.practice());
            for (DoctorForm doctor : row.doctors()) {
                doctor.setPracticeId(practiceId);
                doctors.store(doctor.data());
                doctorCount++;
            }
        }
        return new PracticeCounts(rows.size(), doctorCount);
    }
}
