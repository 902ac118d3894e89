package cn.hulian.bench.load;

import cn.hulian.bench.generate.PatientRecord;

/**
 * A generated patient as stored on the server.
 *
 * @param id e.g. Patient/5f1c...
 */
public record StoredPatient(PatientRecord record, String id) {}
