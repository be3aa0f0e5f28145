package org.countyscope.pipeline;

import java.util.List;

/**
 * What an ingest run did, per dataset and per rejected file.
 *
 * @param batchId  the run's batch id
 * @param release  the release label given to changed rows
 * @param datasets one line per dataset loaded
 * @param rejected files rejected whole, with the reason
 */
public record IngestReport(String batchId, String release, List<DatasetLoad> datasets, List<RejectedFile> rejected) {

    /** One dataset's counts: records read, rows accepted into silver, records quarantined, table versions. */
    public record DatasetLoad(String dataset, String label, int files, long read, long accepted, long quarantined,
                              long inserted, long updated, long unchanged, long bronzeVersion, long silverVersion) {
    }

    /** A file that changed no table, and why. */
    public record RejectedFile(String file, String reason) {
    }

    public boolean anyRejected() {
        return !rejected.isEmpty();
    }
}
