package io.semsearch.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of the code, checked on the compiled classes: features depend on a small shared kernel
 * ({@code common}) and on lower features only, never in a cycle; resources talk to services, services to
 * repositories.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.semsearch");

    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.semsearch.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theSharedKernelDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.semsearch.common..")
                .should().dependOnClassesThat().resideInAnyPackage("io.semsearch.embedding..",
                        "io.semsearch.document..", "io.semsearch.ingest..", "io.semsearch.search..",
                        "io.semsearch.answer..", "io.semsearch.health..", "io.semsearch.llm..", "io.semsearch.mcp..",
                        "io.semsearch.security..", "io.semsearch.extraction..")
                .check(MAIN);
    }

    @Test
    void extractionDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("io.semsearch.extraction..")
                .should().dependOnClassesThat().resideInAnyPackage("io.semsearch.embedding..",
                        "io.semsearch.document..", "io.semsearch.ingest..", "io.semsearch.search..",
                        "io.semsearch.answer..", "io.semsearch.health..", "io.semsearch.llm..", "io.semsearch.mcp..",
                        "io.semsearch.security..")
                .check(MAIN);
    }

    /** Keys, roles and rate limits stand apart: features name the roles their endpoints need, nothing more. */
    @Test
    void securityDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.semsearch.security..")
                .should().dependOnClassesThat().resideInAnyPackage("io.semsearch.embedding..",
                        "io.semsearch.document..", "io.semsearch.ingest..", "io.semsearch.search..",
                        "io.semsearch.answer..", "io.semsearch.health..", "io.semsearch.llm..",
                        "io.semsearch.mcp..", "io.semsearch.extraction..")
                .check(MAIN);
        classes().that().resideInAPackage("io.semsearch.security..").and().haveSimpleNameNotStartingWith("Role")
                .and().haveSimpleNameNotStartingWith("ApiSecurity")
                .should().onlyBeAccessed().byAnyPackage("io.semsearch.security..")
                .check(MAIN);
    }

    @Test
    void featuresAreLayered() {
        layer("embedding", "document", "ingest", "search", "answer", "health").check(MAIN);
        // files become texts to index: only ingest extracts them
        layer("extraction", "ingest").check(MAIN);
        layer("document", "ingest", "search", "answer", "llm", "mcp").check(MAIN);
        layer("search", "answer", "llm", "mcp").check(MAIN);
        layer("answer", "llm", "mcp").check(MAIN);
        // the edges: an answer generator plugged in by CDI, and the MCP tools; nothing calls them directly
        layer("llm").check(MAIN);
        layer("mcp").check(MAIN);
        noClasses().that().resideInAPackage("io.semsearch.search..")
                .should().dependOnClassesThat().resideInAPackage("io.semsearch.ingest..").check(MAIN);
        noClasses().that().resideInAPackage("io.semsearch.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.semsearch.search..", "io.semsearch.answer..")
                .check(MAIN);
    }

    @Test
    void resourcesReachTheStoreOnlyThroughServices() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(MAIN);
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(MAIN);
        noClasses().that().resideInAPackage("io.semsearch.mcp..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(MAIN);
    }

    @Test
    void servicesBuildNoHttpResponses() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Response")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Resource")
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .check(MAIN);
    }

    @Test
    void answerTypesAndSpansArePureLogic() {
        classes().that().resideInAPackage("io.semsearch.answer.span..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.semsearch.answer.span..", "java..")
                .check(MAIN);
    }

    /** Only the named packages (and their own) may use {@code package}. */
    private static ArchRule layer(String lower, String... users) {
        String[] allowed = new String[users.length + 1];
        allowed[0] = "io.semsearch." + lower + "..";
        for (int i = 0; i < users.length; i++) {
            allowed[i + 1] = "io.semsearch." + users[i] + "..";
        }
        return classes().that().resideInAPackage("io.semsearch." + lower + "..")
                .should().onlyBeAccessed().byAnyPackage(allowed);
    }
}
