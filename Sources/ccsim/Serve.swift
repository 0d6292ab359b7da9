import ArgumentParser
import Dispatch
import Foundation
import Workbench

/// `ccsim serve`: the what-if workbench in the browser (the Workbench module), on this machine only
/// unless told otherwise.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the workbench: edit scenarios with live validation, run them, try what-ifs and compare runs in a browser.",
        usage: "ccsim serve [<workspace>] [<options>]",
        discussion: """
        Serves http://HOST:PORT/ until interrupted (Ctrl-C). Only files inside the workspace are read or \
        written; runs and their results are kept in WORKSPACE/.ccsim/ (history.sqlite and runs/) and \
        survive restarts. At most one simulation per core runs at once; the others wait their turn.

        Examples:
          ccsim serve scenarios
          # any free port; the address is printed:
          ccsim serve --port 0 --workspace my-center
        """
    )

    @Option(help: "Port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(help: "Address to bind; 127.0.0.1 is this machine only. Any other address exposes the workbench, and the files of its workspace, to the network.")
    var host: String = "127.0.0.1"

    @Argument(help: ArgumentHelp("The folder of scenario files to serve (default: the current folder).", valueName: "workspace"))
    var workspaceArgument: String?

    @Option(help: "The same folder given as an option.")
    var workspace: String?

    /// The folder served: the argument or the option (they must agree), else the current folder.
    var workspacePath: String { workspaceArgument ?? workspace ?? "." }

    @Option(help: "Simulations run at once; the default is the number of cores here.")
    var concurrentRuns: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let workspaceArgument, let workspace, workspaceArgument != workspace {
            throw ValidationError("two workspaces given, \(workspaceArgument) and --workspace \(workspace); give one folder")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
        guard concurrentRuns >= 1 else { throw ValidationError("--concurrent-runs must be at least 1, got \(concurrentRuns)") }
    }

    func run() throws {
        let folder: Workspace
        do { folder = try Workspace(path: workspacePath) } catch {
            Console.note("error: \(error)")
            throw ExitCode(2)
        }
        let server = try WorkbenchServer(workspace: folder, concurrentRuns: concurrentRuns)
        if !WorkbenchServer.isLoopbackAddress(host) {
            Console.note("warning: --host \(host) is not a loopback address: anyone who can reach it can read and change the scenarios in \(folder.root.path) and run simulations")
        }
        if folder.scenarioFiles().isEmpty {
            Console.note("note: \(folder.root.path) has no scenario files (.yaml) yet: copy one in (the bundled ones are in scenarios/) and reload the page")
        }
        let host = self.host
        let port = self.port
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.serve(host: host, port: port) { port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    Console.note("ccsim serve: workbench at http://\(shown):\(port)/ (workspace \(folder.root.path)); Ctrl-C stops it")
                }
            } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw error }
    }
}

/// Carries the server's error out of its task.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
