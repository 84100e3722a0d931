//! HTTP transport (tiny_http). Worker threads read requests and write responses; one
//! executor thread owns the node (the world is not `Send`, and execution is serial, as on
//! a sequencer) and answers the bodies they pass it.

use std::{
    io::Read,
    net::SocketAddr,
    panic::{catch_unwind, AssertUnwindSafe},
    sync::{mpsc, Arc},
    thread::JoinHandle,
};

use serde_json::Value;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::{
    node::Node,
    rpc::{self, error::RpcError},
};

/// Largest request body accepted (a Stylus deployment is ~50 KB of hex).
pub const MAX_BODY: u64 = 32 * 1024 * 1024;
const WORKERS: usize = 4;

/// A body for the executor and where its answer goes (`Err` if handling it panicked).
struct Job {
    body: Vec<u8>,
    reply: mpsc::Sender<Result<Option<Value>, ()>>,
}

/// A server running on background threads; stops when dropped.
pub struct RunningServer {
    server: Arc<Server>,
    workers: Vec<JoinHandle<()>>,
    executor: Option<JoinHandle<()>>,
    addr: SocketAddr,
}

impl RunningServer {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Blocks until the server stops (never, unless its threads die).
    pub fn join(mut self) {
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        for _ in 0..self.workers.len() {
            self.server.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        // The workers held the job senders; the executor ends once they are gone.
        if let Some(executor) = self.executor.take() {
            let _ = executor.join();
        }
    }
}

/// Binds `addr` (port 0 picks a free port) and serves the node `make_node` builds on the
/// executor thread.
pub fn spawn(make_node: impl FnOnce() -> Node + Send + 'static, addr: &str) -> Result<RunningServer, String> {
    let server = Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = server.server_addr().to_ip().ok_or_else(|| format!("{addr} is not an IP address"))?;
    let server = Arc::new(server);
    let (jobs, inbox) = mpsc::channel::<Job>();
    let executor = std::thread::spawn(move || {
        let mut node = make_node();
        for job in inbox {
            let reply = catch_unwind(AssertUnwindSafe(|| rpc::handle_body(&mut node, &job.body))).map_err(|_| ());
            // The worker may have given up on a dead client.
            let _ = job.reply.send(reply);
        }
    });
    let workers = (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let jobs = jobs.clone();
            std::thread::spawn(move || {
                // `recv` fails once the server is unblocked on shutdown.
                while let Ok(request) = server.recv() {
                    serve(&jobs, request);
                }
            })
        })
        .collect();
    Ok(RunningServer { server, workers, executor: Some(executor), addr: bound })
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn respond(request: Request, status: u16, body: String) {
    let mut response = Response::from_string(body).with_status_code(status);
    for h in [header("Content-Type", "application/json"), header("Access-Control-Allow-Origin", "*")].into_iter().flatten() {
        response.add_header(h);
    }
    // The client may have gone away; nothing to do then.
    let _ = request.respond(response);
}

fn rpc_error_body(error: RpcError) -> String {
    serde_json::json!({ "jsonrpc": "2.0", "id": Value::Null, "error": error.to_json() }).to_string()
}

fn serve(jobs: &mpsc::Sender<Job>, mut request: Request) {
    match request.method() {
        Method::Post => {}
        Method::Options => {
            let mut response = Response::empty(204);
            for h in [
                header("Access-Control-Allow-Origin", "*"),
                header("Access-Control-Allow-Methods", "POST, OPTIONS"),
                header("Access-Control-Allow-Headers", "content-type"),
            ]
            .into_iter()
            .flatten()
            {
                response.add_header(h);
            }
            let _ = request.respond(response);
            return;
        }
        _ => {
            let body = rpc_error_body(RpcError::new(rpc::error::INVALID_REQUEST, "JSON-RPC requests must be POSTed"));
            respond(request, 405, body);
            return;
        }
    }
    let mut body = Vec::new();
    let read = request.as_reader().take(MAX_BODY + 1).read_to_end(&mut body);
    if read.is_err() {
        respond(request, 400, rpc_error_body(RpcError::new(rpc::error::PARSE_ERROR, "could not read the request body")));
        return;
    }
    if body.len() as u64 > MAX_BODY {
        let error = RpcError::new(rpc::error::INVALID_REQUEST, format!("request body larger than {MAX_BODY} bytes"));
        respond(request, 413, rpc_error_body(error));
        return;
    }
    let (reply, answer) = mpsc::channel();
    let reply = match jobs.send(Job { body, reply }) {
        Ok(()) => answer.recv().unwrap_or(Err(())),
        Err(_) => Err(()),
    };
    match reply {
        Ok(Some(reply)) => respond(request, 200, reply.to_string()),
        Ok(None) => {
            let _ = request.respond(Response::empty(204));
        }
        Err(_) => {
            let error = RpcError::new(rpc::error::INTERNAL_ERROR, "internal error: the request crashed the executor");
            respond(request, 500, rpc_error_body(error));
        }
    }
}
