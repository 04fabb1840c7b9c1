package io.semsearch.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkiverse.mcp.server.Tool;
import io.semsearch.common.Problem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency rules of the code, checked on the compiled classes' type dependencies (a type named in a field, a
 * signature or a call counts, not only a call): features depend on a small shared kernel ({@code common}) and on
 * lower features only, never in a cycle; resources talk to services, services to the store. Roles are told by what
 * a class is (a JAX-RS resource, a CDI bean, a Panache repository or a user of JDBC), not by its name.
 */
class ArchitectureTest {

    private static final String ROOT = "io.semsearch";
    private static final String KERNEL = "common";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Every package right under io.semsearch is a feature, except the shared kernel. */
    private static final Set<String> FEATURES = MAIN.stream()
            .filter(c -> c.getPackageName().startsWith(ROOT + "."))
            .map(c -> c.getPackageName().substring(ROOT.length() + 1).split("\\.")[0])
            .filter(name -> !name.equals(KERNEL))
            .collect(Collectors.toCollection(TreeSet::new));

    /** JAX-RS resources. */
    private static final DescribedPredicate<JavaClass> RESOURCE = annotatedWith("resources", Path.class);

    /**
     * Classes that talk to the database: Panache repositories and users of an EntityManager, a data source or a JDBC
     * connection (recognising a database error, {@code SQLException}, is not talking to it).
     */
    private static final DescribedPredicate<JavaClass> STORE = DescribedPredicate.describe("store access",
            c -> c.isAssignableTo(PanacheRepositoryBase.class) || c.getDirectDependenciesFromSelf().stream()
                    .map(d -> d.getTargetClass().getName())
                    .anyMatch(name -> name.equals(EntityManager.class.getName()) || name.equals("java.sql.Connection")
                            || name.equals("javax.sql.DataSource") || name.startsWith("io.agroal.api.")));

    /**
     * Domain results that a resource returns as they are, without a response record of its own: allowed here, one
     * by one, until their resource maps them.
     */
    private static final Set<String> RETURNED_AS_THEY_ARE = Set.of("io.semsearch.document.DocumentPage");

    /** CDI beans that are not part of the HTTP edge (resources, filters, mappers, the authentication chain). */
    private static final DescribedPredicate<JavaClass> SERVICE = DescribedPredicate.describe("services",
            c -> annotatedWith("beans", ApplicationScoped.class, Singleton.class, RequestScoped.class,
                    Dependent.class).test(c) && !httpEdge(c));

    /**
     * The types the HTTP API answers with: those in the return types of resource methods and exception mappers, and
     * the problem document, which the mappers write into a {@code Response}.
     */
    private static final Set<String> HTTP_REPRESENTATIONS = Stream.concat(Stream.of(Problem.class.getName()),
            MAIN.stream().flatMap(c -> c.getMethods().stream())
            .filter(m -> (m.getOwner().isAnnotatedWith(Path.class) && isAnnotated(m, GET.class, POST.class,
                    PUT.class, DELETE.class, PATCH.class)) || m.isAnnotatedWith(ServerExceptionMapper.class))
            .flatMap(m -> m.getReturnType().getAllInvolvedRawTypes().stream())
            .map(JavaClass::getName)
            .filter(name -> name.startsWith(ROOT + ".")))
            .collect(Collectors.toSet());

    @Test
    void theRolesAreFound() {
        assertTrue(FEATURES.containsAll(List.of("answer", "document", "embedding", "extraction", "ingest", "llm",
                "mcp", "search", "security")), FEATURES.toString());
        assertTrue(HTTP_REPRESENTATIONS.containsAll(List.of("io.semsearch.answer.AskResponse",
                "io.semsearch.search.SearchResponse")), HTTP_REPRESENTATIONS.toString());
        assertTrue(STORE.test(MAIN.get("io.semsearch.document.PostgresRetrievers")));
        assertTrue(SERVICE.test(MAIN.get("io.semsearch.answer.AskEventStream")));
        assertTrue(RESOURCE.test(MAIN.get("io.semsearch.answer.AskResource")));
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.semsearch.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theSharedKernelDependsOnNoFeature() {
        dependsOnNoOtherFeature(KERNEL).check(MAIN);
    }

    /** Files become text whatever feature asks: extraction imports none. */
    @Test
    void extractionDependsOnNoOtherFeature() {
        dependsOnNoOtherFeature("extraction").check(MAIN);
    }

    /** Keys, roles and rate limits stand apart: features name the roles their endpoints need, nothing more. */
    @Test
    void securityStandsApart() {
        dependsOnNoOtherFeature("security").check(MAIN);
        classes().that().resideInAPackage("io.semsearch.security..").and().doNotHaveSimpleName("Role")
                .and().doNotHaveSimpleName("ApiSecurity")
                .should().onlyHaveDependentClassesThat().resideInAPackage("io.semsearch.security..")
                .check(MAIN);
    }

    @Test
    void featuresAreLayered() {
        layer("embedding", "document", "ingest", "search", "answer", "health").check(MAIN);
        // files become texts to index: only ingest extracts them
        layer("extraction", "ingest").check(MAIN);
        layer("document", "ingest", "search", "answer", "llm", "mcp").check(MAIN);
        layer("search", "answer", "llm", "mcp", "feedback").check(MAIN);
        layer("answer", "llm", "mcp", "feedback").check(MAIN);
        // answers are kept for feedback through the answer feature's AnswerRecorder, which feedback implements
        layer("feedback", "mcp").check(MAIN);
        // the edges: an answer generator plugged in by CDI, and the MCP tools; nothing depends on them
        layer("llm").check(MAIN);
        layer("mcp").check(MAIN);
        layer("health").check(MAIN);
        layer("ingest").check(MAIN);
    }

    @Test
    void resourcesReachTheStoreOnlyThroughServices() {
        noClasses().that(RESOURCE)
                .should().dependOnClassesThat(STORE)
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(MAIN);
        noClasses().that(DescribedPredicate.describe("MCP tools",
                        c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Tool.class))))
                .should().dependOnClassesThat(STORE)
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(MAIN);
    }

    @Test
    void servicesBuildNoHttpResponses() {
        noClasses().that(SERVICE)
                .should().dependOnClassesThat(DescribedPredicate.describe("HTTP representations",
                        c -> HTTP_REPRESENTATIONS.contains(outermost(c).getName())
                                && !RETURNED_AS_THEY_ARE.contains(outermost(c).getName())))
                .orShould().dependOnClassesThat(RESOURCE)
                .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(MAIN);
    }

    @Test
    void answerTypesAndSpansArePureLogic() {
        classes().that().resideInAPackage("io.semsearch.answer.span..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.semsearch.answer.span..", "java..")
                .check(MAIN);
    }

    /** Classes of {@code feature} depend on no class of another feature (the kernel is not one). */
    private static ArchRule dependsOnNoOtherFeature(String feature) {
        String[] others = FEATURES.stream().filter(name -> !name.equals(feature))
                .map(name -> ROOT + "." + name + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others);
    }

    /** Only the named packages (and its own) may depend on {@code lower}'s classes. */
    private static ArchRule layer(String lower, String... users) {
        String[] allowed = Stream.concat(Stream.of(lower), Stream.of(users))
                .map(name -> ROOT + "." + name + "..").toArray(String[]::new);
        return classes().that().resideInAPackage(ROOT + "." + lower + "..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(allowed);
    }

    private static boolean httpEdge(JavaClass c) {
        return c.isAnnotatedWith(Path.class) || c.isAnnotatedWith(Provider.class)
                || c.isAssignableTo(HttpAuthenticationMechanism.class) || c.isAssignableTo(IdentityProvider.class)
                || c.isAssignableTo(SecurityIdentityAugmentor.class)
                || c.getMethods().stream().anyMatch(m -> isAnnotated(m, ServerRequestFilter.class,
                        ServerResponseFilter.class, ServerExceptionMapper.class));
    }

    @SafeVarargs
    private static DescribedPredicate<JavaClass> annotatedWith(String description,
            Class<? extends Annotation>... annotations) {
        return DescribedPredicate.describe(description,
                c -> Stream.of(annotations).anyMatch(c::isAnnotatedWith));
    }

    @SafeVarargs
    private static boolean isAnnotated(JavaMethod method, Class<? extends Annotation>... annotations) {
        return Stream.of(annotations).anyMatch(method::isAnnotatedWith);
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
