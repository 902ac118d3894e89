package cn.hulian.bench.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/** Dates and times of care, written as a Chinese system writes them: local time, UTC+8. */
final class ChinaTime {

	private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private ChinaTime() {}

	static DateTimeType at(LocalDateTime time) {
		return new DateTimeType(time.atOffset(ZoneOffset.ofHours(8)).format(WITH_OFFSET));
	}

	static DateTimeType day(LocalDate day) {
		return new DateTimeType(day.toString());
	}

	static DateType date(LocalDate day) {
		return new DateType(day.toString());
	}
}
