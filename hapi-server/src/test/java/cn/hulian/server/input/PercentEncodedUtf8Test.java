package cn.hulian.server.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEncodedUtf8Test {

	@Test
	void acceptsQueriesWithEncodedUtf8() {
		assertThat(PercentEncodedUtf8.malformedAt("name=%E5%AD%99&birthdate=ge2000-01-01&_count=10")).isEqualTo(-1);
		assertThat(PercentEncodedUtf8.malformedAt("identifier=urn:oid:1.2|x&note=100%25")).isEqualTo(-1);
	}

	@Test
	void reportsWhereTheBadEscapeOrCharacterStarts() {
		assertThat(PercentEncodedUtf8.malformedAt("name=%ff%fe")).isEqualTo(5);
		assertThat(PercentEncodedUtf8.malformedAt("name=%E5%AD")).as("character cut short").isEqualTo(5);
		assertThat(PercentEncodedUtf8.malformedAt("name=%zz")).as("not hex").isEqualTo(5);
		assertThat(PercentEncodedUtf8.malformedAt("name=a%")).as("escape cut short").isEqualTo(6);
		assertThat(PercentEncodedUtf8.malformedAt("name=%C0%AF")).as("overlong '/'").isEqualTo(5);
	}
}
