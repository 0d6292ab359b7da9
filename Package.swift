// swift-tools-version:6.0
import PackageDescription

// Layering (each module depends only on those above it):
//   CGSL, CRandomStreams      C: GSL, and MRG32k3a registered as a gsl_rng_type
//   SimKernel                 clock, pending-event heap, run loop (knows no randomness, no statistics)
//   Stochastics               RandomStream (one per purpose per replication), Distribution
//   Statistics                Tally, TimeWeighted, quantile histogram, confidence intervals
//   Analytics                 Erlang B/C/A, square-root staffing
//   Scenarios                 scenario schema decoded from YAML, validated once at load (dates: ResultsSchema's CivilDate)
//   ContactCenter             the contact-center model on the kernel
//   ResultsSchema             the results vocabulary: the summary.json document, metric names, units, labels,
//                             value and time formats, verdict words, the version, the CSV grammar (CSVReader,
//                             CSVWriter) and the column names of the CSV outputs (Foundation only; every
//                             writer writes through it, Report reads through it)
//   Experiments               replications, result files
//   Fitting                   distributions fitted to a contact log (MLE, censoring, AIC, KS)
//   Sweeps                    parameter sweeps: designs on the scenario YAML, a resumable SQLite store
//   Staffing                  required agents per interval: Erlang, then a simulation search
//   TrainingROI               training ROI: paired with/without runs (common random numbers), payback, tornado
//   CGLPK, Scheduling         shift scheduling as an integer program (GLPK), written back as a scenario
//   Report                    HTML report of a results folder (reads summary.json; Foundation only)
//   Workbench                 `ccsim serve`: the what-if workbench (Hummingbird routes, workspace, run queue, history)
//   ccsim                     thin command-line interface
// The benchmark (ccsim-bench) sits outside the library's dependencies. The foundation's single-queue
// model is no part of the library: it lives in Tests/Support/SingleQueueOracle, the independent
// oracle the tests compare the contact-center model and Erlang C/A with, and a benchmark workload.
let package = Package(
    name: "ccsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ccsim", targets: ["ccsim"]),
        .executable(name: "ccsim-bench", targets: ["ccsim-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(name: "CRandomStreams", dependencies: ["CGSL"]),
        .target(name: "SimKernel"),
        .target(name: "Stochastics", dependencies: ["CGSL", "CRandomStreams"]),
        .target(name: "Statistics", dependencies: ["CGSL"]),
        .target(name: "Analytics", dependencies: ["CGSL"]),
        .target(name: "Scenarios", dependencies: ["Stochastics", "ResultsSchema", "Yams"]),
        .target(name: "ContactCenter", dependencies: ["SimKernel", "Stochastics", "Statistics", "Scenarios"]),
        .target(name: "ResultsSchema"),
        .target(name: "Experiments", dependencies: ["ResultsSchema", "ContactCenter", "Statistics", "Scenarios", "Analytics", "Stochastics"]),
        .target(name: "Fitting", dependencies: ["CGSL", "Stochastics", "Statistics", "Scenarios", "ResultsSchema", "Yams"]),
        .target(
            name: "Sweeps",
            dependencies: [
                "Experiments", "ContactCenter", "ResultsSchema", "Scenarios", "Statistics", "Stochastics", "Yams",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(name: "Staffing", dependencies: ["Analytics", "Experiments", "ContactCenter", "ResultsSchema", "Scenarios", "Statistics", "Stochastics"]),
        .target(name: "TrainingROI", dependencies: ["Experiments", "ContactCenter", "ResultsSchema", "Scenarios", "Statistics", "Stochastics"]),
        .target(name: "Scheduling", dependencies: ["CGLPK", "Experiments", "ContactCenter", "ResultsSchema", "Scenarios", "Yams"]),
        .target(name: "Report", dependencies: ["ResultsSchema"]),
        // The what-if workbench behind `ccsim serve`: workspace, run queue, history, HTTP routes.
        .target(
            name: "Workbench",
            dependencies: [
                "Experiments", "ContactCenter", "ResultsSchema", "Scenarios", "Report", "Statistics", "Stochastics", "Yams",
                "TrainingROI", "Staffing", "Scheduling",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "ccsim",
            dependencies: [
                "Experiments", "ResultsSchema", "Analytics", "Scenarios", "ContactCenter", "Statistics", "Sweeps", "Report", "Fitting", "Staffing", "Scheduling", "TrainingROI", "Workbench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ccsim-bench", dependencies: ["ContactCenter", "Scenarios", "Stochastics", "SimKernel", "SingleQueueOracle"]),
        // The foundation's single-queue model (M/G/n+G): the tests' oracle and a benchmark workload.
        .target(
            name: "SingleQueueOracle",
            dependencies: ["ContactCenter", "Experiments", "Scenarios", "SimKernel", "Statistics", "Stochastics"],
            path: "Tests/Support/SingleQueueOracle"
        ),

        .testTarget(name: "StochasticsTests", dependencies: ["Stochastics", "CRandomStreams", "CGSL"]),
        // SplitMix64, the tests' one generator of inputs and fixtures.
        .target(name: "TestFixtures", path: "Tests/Support/TestFixtures"),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "TestFixtures"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestFixtures"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "Stochastics", "ResultsSchema"]),
        .testTarget(name: "ContactCenterTests", dependencies: ["ContactCenter", "Scenarios", "Stochastics", "Statistics", "SingleQueueOracle", "TestFixtures"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "ContactCenter", "ResultsSchema", "Scenarios", "Stochastics", "SingleQueueOracle"]),
        .testTarget(name: "ValidationTests", dependencies: ["Experiments", "ContactCenter", "Analytics", "Scenarios", "Statistics", "Stochastics", "SingleQueueOracle"]),
        .testTarget(name: "FittingTests", dependencies: ["Fitting", "Stochastics", "ContactCenter", "Scenarios"]),
        // The command-line runner shared by the tests that run the built `ccsim`.
        .target(name: "CCSimCommandLine", path: "Tests/Support/CCSimCommandLine"),
        .testTarget(name: "CLITests", dependencies: ["ccsim", "CCSimCommandLine"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "ResultsSchema"]),
        .testTarget(name: "ResultsSchemaTests", dependencies: ["ResultsSchema", "TestFixtures"]),
        .testTarget(name: "StaffingTests", dependencies: ["Staffing", "Analytics", "Experiments", "ContactCenter", "Scenarios", "Statistics", "Stochastics", "TestFixtures"]),
        .testTarget(name: "TrainingROITests", dependencies: ["TrainingROI", "Experiments", "ContactCenter", "Scenarios", "Stochastics", "Analytics"]),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "Scenarios", "Experiments", "ccsim", "CCSimCommandLine"]),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: [
                "Workbench", "Scenarios", "ResultsSchema", "Analytics", "TrainingROI", "Scheduling", "ccsim", "CCSimCommandLine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "SweepsTests", dependencies: ["Sweeps", "Scenarios", "Statistics", "ccsim", "CCSimCommandLine", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
