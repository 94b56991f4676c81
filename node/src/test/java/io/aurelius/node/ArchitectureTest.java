package io.aurelius.node;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLConnection;
import java.util.regex.Pattern;

/**
 * The architecture as rules over the production classes of every module (the node module sees them
 * all). docs/build.md lists the rules; a rule that no longer fits is changed here and there, in the
 * open, not loosened in passing.
 */
@AnalyzeClasses(
    packages = "io.aurelius",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ArchitectureTest.DoNotIncludeTestJars.class
    })
class ArchitectureTest {

  private static final String CORE = "io.aurelius.core..";
  private static final String CONFIG = "io.aurelius.config..";
  private static final String WORLD_MODEL = "io.aurelius.worldmodel..";
  private static final String JUDGE = "io.aurelius.judge..";
  private static final String ANCHORING = "io.aurelius.anchoring..";
  private static final String MINER = "io.aurelius.miner..";
  private static final String VALIDATOR = "io.aurelius.validator..";
  private static final String NODE = "io.aurelius.node..";

  /** Model and judge libraries: what "knows LLMs" means below. */
  private static final String[] LLM_LIBRARIES = {"dev.langchain4j..", "com.knuddels.jtokkit.."};

  /**
   * The modules' direction: node → miner, validator; validator → world-model, judge, anchoring;
   * judge → world-model; world-model → config → node-core; anchoring → node-core; miner → config,
   * node-core. Reaching further down (validator → config, judge → node-core) is allowed; reaching
   * up or sideways is not. The poms already forbid most of it; this names it.
   */
  @ArchTest
  static final ArchRule modulesDependDownwardsOnly =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("node-core")
          .definedBy(CORE)
          .layer("config")
          .definedBy(CONFIG)
          .layer("world-model")
          .definedBy(WORLD_MODEL)
          .layer("judge")
          .definedBy(JUDGE)
          .layer("anchoring")
          .definedBy(ANCHORING)
          .layer("miner")
          .definedBy(MINER)
          .layer("validator")
          .definedBy(VALIDATOR)
          .layer("node")
          .definedBy(NODE)
          .whereLayer("node-core")
          .mayNotAccessAnyLayer()
          .whereLayer("config")
          .mayOnlyAccessLayers("node-core")
          .whereLayer("anchoring")
          .mayOnlyAccessLayers("node-core")
          .whereLayer("world-model")
          .mayOnlyAccessLayers("config", "node-core")
          .whereLayer("judge")
          .mayOnlyAccessLayers("world-model", "config", "node-core")
          .whereLayer("miner")
          .mayOnlyAccessLayers("config", "node-core")
          .whereLayer("validator")
          .mayOnlyAccessLayers("world-model", "judge", "anchoring", "config", "node-core");

  /** The miner submits configurations; how they are judged is none of its business. */
  @ArchTest
  static final ArchRule minerKnowsNoJudging =
      noClasses()
          .that()
          .resideInAPackage(MINER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(JUDGE, WORLD_MODEL, VALIDATOR)
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(LLM_LIBRARIES);

  /** node-core, config and anchoring know no scenarios (world model), judges or LLMs. */
  @ArchTest
  static final ArchRule foundationsKnowNoScenariosOrLlms =
      noClasses()
          .that()
          .resideInAnyPackage(CORE, CONFIG, ANCHORING)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(WORLD_MODEL, JUDGE)
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(LLM_LIBRARIES);

  /** Configuration is data and its validation: no networking of any kind. */
  @ArchTest
  static final ArchRule configDoesNoNetworking =
      noClasses()
          .that()
          .resideInAPackage(CONFIG)
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "io.netty..",
                      "java.net.http..",
                      "io.aurelius.core.transport..",
                      "io.aurelius.core.githttp..")
                  .or(assignableTo(Socket.class))
                  .or(assignableTo(ServerSocket.class))
                  .or(assignableTo(DatagramSocket.class))
                  .or(assignableTo(URLConnection.class)));

  /** The validator asks the judge module through its facade (judge.api), never its internals. */
  @ArchTest
  static final ArchRule validatorJudgesThroughTheFacade =
      noClasses()
          .that()
          .resideInAPackage(VALIDATOR)
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAPackage(JUDGE)
                  .and(
                      DescribedPredicate.not(
                          JavaClass.Predicates.resideInAPackage("io.aurelius.judge.api.."))));

  /**
   * The validator is given its transport, model, judges and keys by the node: it names no network
   * implementation and reads no environment variable.
   */
  @ArchTest
  static final ArchRule validatorIsGivenWhatItUses =
      noClasses()
          .that()
          .resideInAPackage(VALIDATOR)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.aurelius.core.transport.netty..")
          .orShould()
          .callMethod(System.class, "getenv", String.class)
          .orShould()
          .callMethod(System.class, "getenv");

  /** Netty stays behind the transport port. */
  @ArchTest
  static final ArchRule nettyOnlyInTheNettyTransport =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.aurelius.core.transport.netty..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.netty..");

  /** BouncyCastle stays behind the crypto package. */
  @ArchTest
  static final ArchRule bouncyCastleOnlyInCrypto =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.aurelius.core.crypto..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.bouncycastle..");

  /** Ristretto255 (curve25519-elisabeth) stays behind sr25519. */
  @ArchTest
  static final ArchRule ristrettoOnlyInSr25519 =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.aurelius.core.crypto.sr25519..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("cafe.cryptography..");

  /**
   * LangChain4j stays in the adapters behind the model port (world-model's agent.langchain4j) and
   * the judge's embedding port (judge.embedding's MiniLM adapter).
   */
  @ArchTest
  static final ArchRule langChain4jOnlyInTheAdapters =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.aurelius.worldmodel.agent.langchain4j..", "io.aurelius.judge.embedding..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.langchain4j..");

  /** JGit only where git repositories are read, written or served. */
  @ArchTest
  static final ArchRule jgitOnlyWhereRepositoriesAreKept =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.aurelius.core.githttp..", // serves repositories over smart HTTP
              "io.aurelius.core.chain.store..", // the dev chain's block store is a git repo
              "io.aurelius.anchoring.log..", // the anchoring log is a git history
              "io.aurelius.anchoring.gitsign..", // signs and verifies its commits
              "io.aurelius.anchoring.verify..", // walks that history to verify it
              "io.aurelius.miner.library..", // the miner's configuration library
              "io.aurelius.miner.remote..", // fetches configurations from other repositories
              "io.aurelius.validator.publish..") // publishes the configs repository
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.eclipse.jgit..");

  /**
   * The modules' test jars (node-core-tests.jar, anchoring-tests.jar) are on this classpath once
   * they have been packaged; their classes are tests, not production code.
   */
  static final class DoNotIncludeTestJars implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
      return !location.matches(TEST_JAR);
    }
  }
}
