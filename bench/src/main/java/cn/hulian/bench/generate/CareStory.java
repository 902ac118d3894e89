package cn.hulian.bench.generate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What happens to one generated patient: a chronic disease diagnosed at an in-person visit, followed up online weeks
 * later with a prescription (7 days, or 28 days as long-term therapy of the chronic disease), reviewed by the
 * pharmacist, delivered home or picked up; measurements spread over the year before; and the claim.
 *
 * @param seed     the generator's seed, which keeps the entries' full URLs apart between data sets
 * @param index    the patient's number in the data set
 * @param measured when each measurement was taken, in order
 */
record CareStory(long seed, int index, Person person, ChronicDisease disease, Drug drug, LocalDateTime diagnosed,
		LocalDateTime followUp, String channel, String channelName, int supplyDays, boolean homeDelivery,
		List<Measurement> measurements, List<LocalDateTime> measured) {

	/** First diagnoses fall in September 2025 to July 2026, follow-ups 2 to 13 weeks later: all before November 2026. */
	private static final LocalDate FIRST_DIAGNOSIS = LocalDate.of(2025, 9, 1);
	private static final int DIAGNOSIS_DAYS = 334;
	static final int MEASUREMENTS = 3;
	private static final String[][] CHANNELS = {{"text", "图文"}, {"video", "视频"}, {"audio", "语音"}};

	static CareStory draw(Random random, long seed, int index, Person person) {
		ChronicDisease disease = pick(random, List.of(ChronicDisease.values()));
		LocalDateTime diagnosed = FIRST_DIAGNOSIS.plusDays(random.nextInt(DIAGNOSIS_DAYS))
				.atTime(8 + random.nextInt(9), random.nextInt(12) * 5);
		LocalDateTime followUp = diagnosed.toLocalDate().plusDays(14 + random.nextInt(77))
				.atTime(8 + random.nextInt(13), random.nextInt(12) * 5);
		String[] channel = CHANNELS[random.nextInt(CHANNELS.length)];
		List<Measurement> measurements = new ArrayList<>();
		List<LocalDateTime> measured = new ArrayList<>();
		for (int i = 0; i < MEASUREMENTS; i++) {
			measurements.add(pick(random, disease.measurements));
			// spread over the year up to the follow-up, in order
			int daysBefore = (MEASUREMENTS - i) * 365 / MEASUREMENTS - random.nextInt(365 / MEASUREMENTS);
			measured.add(followUp.toLocalDate().minusDays(daysBefore).atTime(7 + random.nextInt(3), random.nextInt(60)));
		}
		return new CareStory(seed, index, person, disease, pick(random, disease.drugs), diagnosed, followUp, channel[0],
				channel[1], random.nextInt(10) < 6 ? 7 : 28, random.nextInt(10) < 6, measurements, measured);
	}

	/** The full URL of the entry {@code entry} (e.g. "Condition") in this patient's transaction: a name-based UUID. */
	String url(String entry) {
		return "urn:uuid:" + UUID.nameUUIDFromBytes((seed + "/" + index + "/" + entry).getBytes(StandardCharsets.UTF_8));
	}

	/** A number unique in the data set, e.g. for prescription and settlement numbers: the date and the index. */
	String number(String prefix, LocalDate day) {
		return prefix + day.toString().replace("-", "") + String.format("%06d", index);
	}

	/** Long-term therapy of the chronic disease: more than 7 days of supply, which needs a stated reason. */
	boolean isLongTerm() {
		return supplyDays > 7;
	}

	int tablets() {
		return supplyDays * drug.tabletsPerDay;
	}

	private static <T> T pick(Random random, List<T> from) {
		return from.get(random.nextInt(from.size()));
	}
}
