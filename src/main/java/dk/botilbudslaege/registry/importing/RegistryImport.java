package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.registry.DoctorForm;
import dk.botilbudslaege.registry.Doctors;
import dk.botilbudslaege.registry.Facilities;
import dk.botilbudslaege.registry.Facility;
import dk.botilbudslaege.registry.Practices;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports facilities, and practices with their doctors, from CSV or XLSX (SPEC §2, imports). Every
 * row is checked by the rules of the forms and the caller's scope; if any row is bad, every problem
 * is reported by row number and column and nothing is imported. Otherwise all rows are inserted,
 * each with its audit record, in one transaction.
 * <p>
 * At most two imports run at a time ({@link ImportSlots}); the file is read before the
 * transaction begins, so a large file holds no database connection while it is read.
 */
@Service
class RegistryImport {

    /** What a practice file created. */
    record PracticeCounts(int practices, int doctors) {}

    private final FacilityImport facilityImport;
    private final PracticeImport practiceImport;
    private final Facilities facilities;
    private final Practices practices;
    private final Doctors doctors;
    private final ImportSlots slots;
    private final TransactionTemplate transaction;

    RegistryImport(
            FacilityImport facilityImport,
            PracticeImport practiceImport,
            Facilities facilities,
            Practices practices,
            Doctors doctors,
            ImportSlots slots,
            PlatformTransactionManager transactionManager) {
        this.facilityImport = facilityImport;
        this.practiceImport = practiceImport;
        this.facilities = facilities;
        this.practices = practices;
        this.doctors = doctors;
        this.slots = slots;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Region and municipality import facilities, each within the scope it has for creating one. */
    static boolean canImportFacilities(CurrentUser user) {
        return user.is(Role.REGION) || user.is(Role.MUNICIPALITY);
    }

    /** Only the region imports practices and doctors, as only it creates practices. */
    static boolean canImportPractices(CurrentUser user) {
        return user.is(Role.REGION);
    }

    /**
     * The number of facilities imported; or {@link dk.botilbudslaege.common.InvalidRowsException}, or
     * {@link dk.botilbudslaege.common.BusyException} when two imports are running.
     */
    public int importFacilities(CurrentUser user, MultipartFile upload) {
        if (!canImportFacilities(user)) {
            throw new ForbiddenException("scope.import.facilities");
        }
        slots.acquire();
        try {
            ImportFile file = ImportFile.of(upload);
            return transaction.execute(status -> {
                RowProblems problems = new RowProblems();
                List<Facility.FacilityData> rows = facilityImport.read(user, file, problems);
                problems.throwIfAny();
                rows.forEach(facilities::store);
                return rows.size();
            });
        } finally {
            slots.release();
        }
    }

    /** The practices and doctors imported; refused as {@link #importFacilities} is. */
    public PracticeCounts importPractices(CurrentUser user, MultipartFile upload) {
        if (!canImportPractices(user)) {
            throw new ForbiddenException("scope.import.practices");
        }
        slots.acquire();
        try {
            ImportFile file = ImportFile.of(upload);
            return transaction.execute(status -> {
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
            });
        } finally {
            slots.release();
        }
    }
}
