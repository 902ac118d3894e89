package cn.hulian.server.bulkexport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hulian.server.security.Caller;
import cn.hulian.server.security.Role;
import cn.hulian.server.security.SmartScope;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportRequesterTest {

	@Test
	void isReadBackExactlyFromItsEncoding() {
		ExportRequester platform = ExportRequester.of(new Caller("平台 client|1", "sub", "https://sso.example.cn/realms/hie",
				Role.REGIONAL_PLATFORM, "", "", "", SmartScope.parseAll("system/*.rs")));
		assertThat(ExportRequester.decode(platform.encoded())).contains(platform);
		assertThat(platform.encoded()).doesNotContain("平台");

		ExportRequester admin = new ExportRequester(Role.ADMINISTRATOR, "45071062551010011A1001", "urn:issuer", "admin");
		assertThat(ExportRequester.decode(admin.encoded())).contains(admin);
	}

	@Test
	void noPartRunsIntoTheNext() {
		ExportRequester one = new ExportRequester(Role.REGIONAL_PLATFORM, "", "urn:a b", "c");
		ExportRequester other = new ExportRequester(Role.REGIONAL_PLATFORM, "", "urn:a", "b c");
		assertThat(one.encoded()).isNotEqualTo(other.encoded());
	}

	@Test
	void namesNobodyWhenNotWrittenByIt() {
		assertThat(ExportRequester.decode(null)).isEmpty();
		assertThat(ExportRequester.decode("")).isEmpty();
		assertThat(ExportRequester.decode("regional-platform urn:issuer client")).as("a part missing").isEmpty();
		assertThat(ExportRequester.decode("superuser  urn:issuer client")).as("no such role").isEmpty();
	}

	@Test
	void whoMayExport() {
		assertThat(List.of(Role.values())).filteredOn(Role::mayBulkExport)
				.containsExactlyInAnyOrder(Role.REGIONAL_PLATFORM, Role.ADMINISTRATOR);
	}
}
