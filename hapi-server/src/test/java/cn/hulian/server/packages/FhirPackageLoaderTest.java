package cn.hulian.server.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hulian.server.packages.FhirPackageLoader.BundledPackage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FhirPackageLoaderTest {

	@Test
	void findsThePackagesBuiltByTheContentModules() {
		assertThat(FhirPackageLoader.findBundledPackages())
				.extracting(BundledPackage::name)
				.contains("hulian.fhir.cn", "hulian.fhir.cn.terminology");
	}

	@Test
	void installsEachPackageAfterTheBundledPackagesItDependsOn() {
		BundledPackage profiles = pkg("hulian.fhir.cn", "hl7.fhir.r4.core", "hulian.fhir.cn.terminology");
		BundledPackage terminology = pkg("hulian.fhir.cn.terminology", "hl7.fhir.r4.core");

		assertThat(FhirPackageLoader.inDependencyOrder(List.of(profiles, terminology)))
				.containsExactly(terminology, profiles);
	}

	@Test
	void refusesPackagesThatDependOnEachOtherInACycle() {
		BundledPackage a = pkg("a", "b");
		BundledPackage b = pkg("b", "a");

		assertThatThrownBy(() -> FhirPackageLoader.inDependencyOrder(List.of(a, b)))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("cycle");
	}

	private static BundledPackage pkg(String name, String... dependencies) {
		return new BundledPackage(name, "0.1.0", List.of(dependencies), new byte[0]);
	}
}
