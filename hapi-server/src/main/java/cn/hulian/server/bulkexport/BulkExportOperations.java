package cn.hulian.server.bulkexport;

import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import cn.hulian.server.config.FhirOperationProvider;
import org.springframework.stereotype.Component;

/**
 * HAPI's FHIR Bulk Data operations on the FHIR endpoint: {@code $export} at system, {@code Group/[id]} and
 * {@code Patient} (type and instance) level, and {@code $export-poll-status}, where the client polls a job and finds
 * its NDJSON files (Binary resources). HAPI declares the provider but leaves registering it to the server.
 */
@Component
class BulkExportOperations extends BulkDataExportProvider implements FhirOperationProvider {}
