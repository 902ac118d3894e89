package cn.hulian.bench.report;

import cn.hulian.bench.load.PhaseResult;

/**
 * The figures of one server configuration.
 *
 * @param name                     e.g. "validation and rules on"
 * @param resourcesPerTransaction  how many resources each ingest transaction stores
 */
public record ConfigurationResult(String name, PhaseResult ingest, int resourcesPerTransaction, PhaseResult searches,
		PhaseResult auditor) {

	public boolean hasErrors() {
		return ingest.hasErrors() || searches.hasErrors() || auditor.hasErrors();
	}
}
