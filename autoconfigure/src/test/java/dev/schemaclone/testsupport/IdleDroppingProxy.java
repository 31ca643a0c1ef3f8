package dev.schemaclone.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a server that closes every connection idle for a while, as load
 * balancers, NAT gateways and connection proxies do: the stand-in for the network a build
 * meets outside a developer's machine.
 */
public final class IdleDroppingProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final InetSocketAddress target;

	private final Duration idle;

	private final List<Link> links = new CopyOnWriteArrayList<>();

	private final AtomicInteger dropped = new AtomicInteger();

	private volatile boolean closed;

	private IdleDroppingProxy(InetSocketAddress target, Duration idle) throws IOException {
		this.listener = new ServerSocket(0);
		this.target = target;
		this.idle = idle;
		daemon(this::accept, "proxy-accept");
		daemon(this::reap, "proxy-reaper");
	}

	/**
	 * Start a proxy on a free port.
	 * @param target the server
	 * @param idle how long a connection may carry nothing before it is closed
	 */
	public static IdleDroppingProxy start(InetSocketAddress target, Duration idle) throws IOException {
		return new IdleDroppingProxy(target, idle);
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	/**
	 * Return how many connections were closed for idling.
	 */
	public int dropped() {
		return this.dropped.get();
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(this.target.getHostString(), this.target.getPort());
				Link link = new Link(client, server, new AtomicLong(System.nanoTime()));
				this.links.add(link);
				daemon(() -> pump(link, client, server), "proxy-up");
				daemon(() -> pump(link, server, client), "proxy-down");
			}
			catch (IOException ex) {
				// Closed, or the server refused: the client sees its socket closed.
			}
		}
	}

	private void pump(Link link, Socket from, Socket to) {
		byte[] buffer = new byte[16384];
		try (InputStream input = from.getInputStream(); OutputStream output = to.getOutputStream()) {
			for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
				output.write(buffer, 0, read);
				output.flush();
				link.lastActive().set(System.nanoTime());
			}
		}
		catch (IOException ex) {
			// One side closed.
		}
		link.close();
		this.links.remove(link);
	}

	private void reap() {
		while (!this.closed) {
			for (Link link : this.links) {
				if (System.nanoTime() - link.lastActive().get() > this.idle.toNanos()) {
					this.links.remove(link);
					link.close();
					this.dropped.incrementAndGet();
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.listener.close();
		this.links.forEach(Link::close);
	}

	private static void daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		thread.start();
	}

	private record Link(Socket client, Socket server, AtomicLong lastActive) {

		void close() {
			try {
				this.client.close();
				this.server.close();
			}
			catch (IOException ex) {
				// Closed already.
			}
		}

	}

}
