import Foundation
import TemporalDevServer

/// nginx terminating TLS in front of a dev server, which speaks only plaintext gRPC, so the client's
/// TLS, mutual TLS and API key can be tested for real. The certificates are made with the `openssl`
/// CLI for each proxy.
///
/// Two listeners on free ports of 127.0.0.1 forward to the dev server with `grpc_pass`:
/// `tlsPort` with server TLS only, and `mutualTLSPort`, which also requires a client certificate
/// issued by the client CA. The server certificate is for `localhost` and 127.0.0.1.
final class TLSProxy: Sendable {
    /// The temporary directory with the certificates, nginx's configuration, logs and temp files.
    let directory: URL
    /// The CA that issued the proxy's server certificate.
    let caCertificatePath: String
    /// A CA unrelated to the proxy's certificate, for tests that must fail verification.
    let wrongCACertificatePath: String
    /// A client certificate and key the mutual-TLS listener accepts.
    let clientCertificatePath: String
    let clientKeyPath: String
    /// A client certificate and key from an unrelated CA, which the mutual-TLS listener rejects.
    let wrongClientCertificatePath: String
    let wrongClientKeyPath: String
    let tlsPort: Int
    let mutualTLSPort: Int
    let process: ChildProcess

    private init(directory: URL, tlsPort: Int, mutualTLSPort: Int, process: ChildProcess) {
        self.directory = directory
        self.caCertificatePath = directory.appending(path: "ca.pem").path
        self.wrongCACertificatePath = directory.appending(path: "wrong-ca.pem").path
        self.clientCertificatePath = directory.appending(path: "client.pem").path
        self.clientKeyPath = directory.appending(path: "client.key").path
        self.wrongClientCertificatePath = directory.appending(path: "wrong-client.pem").path
        self.wrongClientKeyPath = directory.appending(path: "wrong-client.key").path
        self.tlsPort = tlsPort
        self.mutualTLSPort = mutualTLSPort
        self.process = process
    }

    deinit {
        // Releasing the process kills nginx if it still runs.
        try? FileManager.default.removeItem(at: directory)
    }

    /// Makes the certificates, starts nginx in front of the gRPC server on 127.0.0.1:`upstreamPort`
    /// and waits until both listeners accept connections.
    ///
    /// - Throws: `TLSProxyError` if nginx or openssl is missing or fails, or nginx does not
    ///   listen within `timeout`; the message carries nginx's error log.
    static func start(upstreamPort: Int, timeout: Duration = .seconds(30)) async throws -> TLSProxy {
        let nginx = try locate("nginx", in: ["/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/opt/homebrew/bin"])
        let directory = FileManager.default.temporaryDirectory.appending(path: "tls-proxy-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory.appending(path: "temp"), withIntermediateDirectories: true)
            try await makeCertificates(in: directory)
            let ports = try LocalPort.free(count: 2)
            let configuration = directory.appending(path: "nginx.conf")
            try nginxConfiguration(directory: directory, tlsPort: ports[0], mutualTLSPort: ports[1], upstreamPort: upstreamPort)
                .write(to: configuration, atomically: true, encoding: .utf8)
            let process = try ChildProcess(
                executable: nginx,
                // -e: the error log before the configuration is read; the default may be unwritable.
                arguments: [
                    "-p", directory.path, "-c", configuration.path, "-e", directory.appending(path: "error.log").path,
                    "-g", "daemon off;",
                ],
                standardOutput: directory.appending(path: "nginx.out")
            )
            let proxy = TLSProxy(directory: directory, tlsPort: ports[0], mutualTLSPort: ports[1], process: process)
            let deadline = ContinuousClock.now.advanced(by: timeout)
            while !(LocalPort.isAcceptingConnections(port: ports[0]) && LocalPort.isAcceptingConnections(port: ports[1])) {
                if let termination = process.termination {
                    throw TLSProxyError(description: "nginx \(termination) at startup:\n\(proxy.diagnostics())")
                }
                if ContinuousClock.now >= deadline {
                    await process.stop(gracePeriod: .seconds(2))
                    throw TLSProxyError(
                        description: "nginx did not listen on ports \(ports) within \(timeout):\n\(proxy.diagnostics())"
                    )
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            return proxy
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Stops nginx. Safe to call more than once.
    func stop() async {
        await process.stop(gracePeriod: .seconds(5))
    }

    /// The access log: one line per finished request, with the `authorization` and `x-team`
    /// headers as received, e.g. `authorization="Bearer key"`.
    func accessLog() -> String {
        (try? String(contentsOf: directory.appending(path: "access.log"), encoding: .utf8)) ?? ""
    }

    /// nginx's error log, which says why a connection was refused.
    func errorLog() -> String {
        (try? String(contentsOf: directory.appending(path: "error.log"), encoding: .utf8)) ?? ""
    }

    private func diagnostics() -> String {
        "output:\n\(process.outputTail())\nerror.log:\n\(ChildProcess.tail(errorLog(), lines: 40))"
    }

    // nginx 1.22 (Debian 12) takes `http2` on `listen`; the `http2 on;` directive needs 1.25.1.
    // `master_process off` keeps nginx to one process, so stopping it can never leave a worker
    // holding the ports. Temp paths are inside the directory, as the defaults may be unwritable.
    private static func nginxConfiguration(directory: URL, tlsPort: Int, mutualTLSPort: Int, upstreamPort: Int) -> String {
        let path = directory.path
        let user = geteuid() == 0 ? "user root;\n" : ""
        let common = """
                ssl_certificate \(path)/server.pem;
                ssl_certificate_key \(path)/server.key;
                location / {
                    grpc_pass grpc://127.0.0.1:\(upstreamPort);
                }
                # gRPC clients read grpc-status, so these say what went wrong where an HTML error
                # page would only give an HTTP status.
                location @upstream_unavailable {
                    add_header content-type application/grpc always;
                    add_header grpc-status 14 always;
                    add_header grpc-message "proxy: the Temporal server is unavailable" always;
                    return 204;
                }
                error_page 502 503 504 = @upstream_unavailable;
            """
        return """
            \(user)master_process off;
            worker_processes 1;
            pid \(path)/nginx.pid;
            error_log \(path)/error.log info;
            events {
                worker_connections 256;
            }
            http {
                client_body_temp_path \(path)/temp/body;
                proxy_temp_path \(path)/temp/proxy;
                fastcgi_temp_path \(path)/temp/fastcgi;
                uwsgi_temp_path \(path)/temp/uwsgi;
                scgi_temp_path \(path)/temp/scgi;
                log_format grpc '$remote_addr "$request" status=$status grpc-status="$upstream_trailer_grpc_status" '
                                'authorization="$http_authorization" x-team="$http_x_team" client="$ssl_client_s_dn"';
                access_log \(path)/access.log grpc;
                # Long polls hold a request for about a minute, and payloads may exceed 1 MB.
                client_max_body_size 0;
                grpc_read_timeout 1h;
                grpc_send_timeout 1h;
                client_body_timeout 1h;
                keepalive_timeout 1h;
                server {
                    listen 127.0.0.1:\(tlsPort) ssl http2;
            \(common)
                }
                server {
                    listen 127.0.0.1:\(mutualTLSPort) ssl http2;
                    ssl_client_certificate \(path)/client-ca.pem;
                    ssl_verify_client on;
            \(common)
                    # nginx accepts the handshake without a client certificate and fails the request
                    # with 496 (none sent) or 495 (not verified); answer those in gRPC.
                    location @client_certificate_missing {
                        add_header content-type application/grpc always;
                        add_header grpc-status 16 always;
                        add_header grpc-message "proxy: client certificate required" always;
                        return 204;
                    }
                    location @client_certificate_invalid {
                        add_header content-type application/grpc always;
                        add_header grpc-status 16 always;
                        add_header grpc-message "proxy: client certificate not issued by the client CA" always;
                        return 204;
                    }
                    error_page 496 = @client_certificate_missing;
                    error_page 495 = @client_certificate_invalid;
                }
            }

            """
    }

    // A CA and the proxy's server certificate, a client CA and a client certificate, and an
    // unrelated CA with a client certificate of its own, for the failure cases.
    private static func makeCertificates(in directory: URL) async throws {
        let openssl = try locate("openssl", in: ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"])
        let extensions = directory.appending(path: "extensions.cnf")
        let profiles = """
            [ca]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            [server]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:localhost, IP:127.0.0.1
            authorityKeyIdentifier = keyid
            [client]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = clientAuth
            authorityKeyIdentifier = keyid
            [req]
            distinguished_name = name
            [name]

            """
        try profiles.write(to: extensions, atomically: true, encoding: .utf8)

        func run(_ arguments: [String]) async throws {
            let process = try ChildProcess(
                executable: openssl,
                arguments: arguments,
                currentDirectory: directory,
                standardOutput: directory.appending(path: "openssl.out")
            )
            let termination = await process.waitForExit(timeout: .seconds(30))
            guard termination == .exited(0) else {
                await process.stop(gracePeriod: .seconds(1))
                let ending = termination.map { "\($0)" } ?? "timed out"
                throw TLSProxyError(
                    description: "openssl \(arguments.joined(separator: " ")) \(ending):\n\(process.outputTail())"
                )
            }
        }
        func authority(_ name: String, subject: String) async throws {
            try await run([
                "req", "-x509", "-config", extensions.path, "-extensions", "ca", "-newkey", "rsa:2048", "-nodes",
                "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "30", "-subj", "/CN=\(subject)",
            ])
        }
        func leaf(_ name: String, subject: String, issuer: String, profile: String) async throws {
            try await run([
                "req", "-new", "-config", extensions.path, "-newkey", "rsa:2048", "-nodes",
                "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(subject)",
            ])
            try await run([
                "x509", "-req", "-in", "\(name).csr", "-CA", "\(issuer).pem", "-CAkey", "\(issuer).key",
                "-CAcreateserial", "-CAserial", "\(issuer).srl", "-out", "\(name).pem", "-days", "30",
                "-extfile", extensions.path, "-extensions", profile,
            ])
        }
        try await authority("ca", subject: "Interop Test CA")
        try await leaf("server", subject: "localhost", issuer: "ca", profile: "server")
        try await authority("client-ca", subject: "Interop Test Client CA")
        try await leaf("client", subject: "interop-client", issuer: "client-ca", profile: "client")
        try await authority("wrong-ca", subject: "Unrelated Test CA")
        try await leaf("wrong-client", subject: "unrelated-client", issuer: "wrong-ca", profile: "client")
    }

    private static func locate(_ tool: String, in fallbackDirectories: [String]) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + fallbackDirectories
        for directory in directories where !directory.isEmpty {
            let candidate = URL(filePath: directory).appending(path: tool)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw TLSProxyError(
            description: "\(tool) is not installed; the TLS tests need it (on Debian: apt-get install -y nginx-light openssl)"
        )
    }
}

/// The TLS proxy could not be set up.
struct TLSProxyError: Error, CustomStringConvertible {
    let description: String
}
