package cn.hulian.server.policy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.DateType;

/** Calendar days as the regulations count them: in China time, whatever zone the server or the client runs in. */
final class ChinaDates {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private ChinaDates() {}

	/** The day of an instant in China (23:30 Beijing time is still that day); today when there is none. */
	static LocalDate day(Date instant) {
		return instant == null ? today() : instant.toInstant().atZone(CHINA).toLocalDate();
	}

	/** A date as written (a birth date, a start of practice), which has no time zone to convert. */
	static LocalDate day(DateType date) {
		return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
	}

	/** The first instant of {@code day} in China. */
	static Date startOf(LocalDate day) {
		return Date.from(day.atStartOfDay(CHINA).toInstant());
	}

	static LocalDate today() {
		return LocalDate.now(CHINA);
	}
}
