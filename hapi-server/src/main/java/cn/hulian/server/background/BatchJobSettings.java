package cn.hulian.server.background;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.maintenance.JobMaintenanceServiceImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** HAPI's batch job maintenance, paced by {@link BatchJobProperties}; set before HAPI schedules it at start. */
@Configuration
class BatchJobSettings {

	@Autowired
	void paceMaintenance(IJobMaintenanceService maintenance, BatchJobProperties properties) {
		if (maintenance instanceof JobMaintenanceServiceImpl scheduled) {
			scheduled.setScheduledJobFrequencyMillis(properties.stepInterval().toMillis());
		}
	}
}
