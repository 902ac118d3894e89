package cn.hulian.server.packages;

import ca.uhn.fhir.jpa.packages.IHapiPackageCacheManager;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import ca.uhn.fhir.jpa.term.api.ITermDeferredStorageSvc;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Installs the FHIR packages built by the {@code terminology} and {@code profiles} modules (found on the classpath
 * under {@code hulian/fhir-packages/}) into the server at start. It works in the background while the web server
 * starts; FHIR requests wait for it ({@link RequestsWaitForPackagesInterceptor}). The package inside the jar is the
 * source of truth: when the stored copy of the same version differs, it is replaced.
 */
@Component
public class FhirPackageLoader implements SmartInitializingSingleton {

	static final String PACKAGE_LOCATION = "classpath*:hulian/fhir-packages/*.tgz";
	private static final Logger log = LoggerFactory.getLogger(FhirPackageLoader.class);

	private final IPackageInstallerSvc installer;
	private final IHapiPackageCacheManager packageCache;
	private final FhirPackageReadiness readiness;
	private final ITermDeferredStorageSvc deferredTerminology;
	private final ISearchParamRegistry searchParameters;

	public FhirPackageLoader(
			IPackageInstallerSvc installer,
			IHapiPackageCacheManager packageCache,
			FhirPackageReadiness readiness,
			ITermDeferredStorageSvc deferredTerminology,
			ISearchParamRegistry searchParameters) {
		this.installer = installer;
		this.packageCache = packageCache;
		this.readiness = readiness;
		this.deferredTerminology = deferredTerminology;
		this.searchParameters = searchParameters;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Thread worker = new Thread(this::installAll, "fhir-package-install");
		worker.setDaemon(true);
		worker.start();
	}

	private void installAll() {
		try {
			for (BundledPackage bundled : inDependencyOrder(findBundledPackages())) {
				install(bundled);
			}
			awaitTerminologyConcepts();
			// The packages' SearchParameters index the first resources written after start, not only later ones.
			searchParameters.forceRefresh();
			readiness.markInstalled();
		} catch (RuntimeException e) {
			log.error("Installing the bundled FHIR packages failed; FHIR requests will be refused", e);
			readiness.markFailed(e);
		}
	}

	private void install(BundledPackage bundled) {
		IHapiPackageCacheManager.PackageContents stored = packageCache.loadPackageContents(bundled.name(), bundled.version());
		if (stored != null && Arrays.equals(stored.getBytes(), bundled.contents())) {
			log.info("FHIR package {} is up to date", bundled.id());
			return;
		}
		if (stored != null) {
			log.info("FHIR package {} changed since it was stored; replacing it", bundled.id());
			packageCache.uninstallPackage(bundled.name(), bundled.version());
		}
		long started = System.nanoTime();
		installer.install(new PackageInstallationSpec()
				.setName(bundled.name())
				.setVersion(bundled.version())
				.setPackageContents(bundled.contents())
				.setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL));
		log.info("Installed FHIR package {} in {} ms", bundled.id(), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * HAPI stores the concepts of large code systems (GB/T 2260 has 3,227) in its terminology tables in the
	 * background; $subsumes and hierarchy filters need them, so requests keep waiting until they are stored.
	 */
	private void awaitTerminologyConcepts() {
		long started = System.nanoTime();
		while (!deferredTerminology.isStorageQueueEmpty(true)) {
			try {
				Thread.sleep(250);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for terminology concepts to be stored", e);
			}
		}
		log.info("Terminology concepts stored after {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * A conformance resource of the bundled packages by its canonical URL, as JSON: for code that needs a definition
	 * whether or not the packages are installed yet.
	 */
	public static Optional<String> bundledResource(String canonicalUrl) {
		try {
			for (BundledPackage bundled : findBundledPackages()) {
				NpmPackage npm = NpmPackage.fromPackage(new ByteArrayInputStream(bundled.contents()));
				if (npm.hasCanonical(canonicalUrl)) {
					try (InputStream in = npm.loadByCanonical(canonicalUrl)) {
						return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
			return Optional.empty();
		} catch (IOException e) {
			throw new UncheckedIOException("Could not read " + canonicalUrl + " from the bundled FHIR packages", e);
		}
	}

	static List<BundledPackage> findBundledPackages() {
		try {
			List<BundledPackage> packages = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PACKAGE_LOCATION)) {
				try (InputStream in = resource.getInputStream()) {
					packages.add(BundledPackage.of(in.readAllBytes()));
				}
			}
			return packages;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not read the bundled FHIR packages", e);
		}
	}

	/** Packages ordered so that each comes after the bundled packages it depends on. */
	static List<BundledPackage> inDependencyOrder(List<BundledPackage> packages) {
		List<BundledPackage> ordered = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		List<BundledPackage> remaining = new ArrayList<>(packages);
		Set<String> bundledNames = new HashSet<>(packages.stream().map(BundledPackage::name).toList());
		while (!remaining.isEmpty()) {
			BundledPackage next = remaining.stream()
					.filter(candidate -> candidate.dependencyNames().stream()
							.filter(bundledNames::contains)
							.allMatch(placed::contains))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException(
							"The bundled FHIR packages depend on each other in a cycle: " + remaining));
			ordered.add(next);
			placed.add(next.name());
			remaining.remove(next);
		}
		return ordered;
	}

	record BundledPackage(String name, String version, List<String> dependencyNames, byte[] contents) {

		static BundledPackage of(byte[] contents) throws IOException {
			NpmPackage npm = NpmPackage.fromPackage(new ByteArrayInputStream(contents));
			// dependencies() lists "name#version".
			List<String> dependencyNames = npm.dependencies().stream()
					.map(dependency -> dependency.split("#", 2)[0])
					.toList();
			return new BundledPackage(npm.name(), npm.version(), dependencyNames, contents);
		}

		String id() {
			return name + "#" + version;
		}

		@Override
		public String toString() {
			return id();
		}
	}
}
