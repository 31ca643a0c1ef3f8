# Runs mariadbd and stops it once no client has been connected for a while; then deletes its
# directory. Arguments: directory, idle seconds, poll seconds, port, client, then mariadbd and
# its arguments. A terminal's Ctrl-C or hang-up is for the build, not for this shared server.
trap '' INT HUP
dir=$1 idle=$2 poll=$3 port=$4 client=$5
shift 5
echo $$ > "$dir/watcher.pid"
"$@" > "$dir/mariadbd.log" 2>&1 < /dev/null &
server=$!
echo $server > "$dir/server.pid"
quiet=0
while kill -0 $server 2> /dev/null; do
	sleep $poll
	# Only once the starting JVM saw it ready: a slow start is not idleness.
	[ -e "$dir/ready" ] || continue
	connected=$("$client" --no-defaults --skip-ssl --protocol=tcp --host=127.0.0.1 --port="$port" --user=root --batch --skip-column-names \
		--execute="SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'THREADS_CONNECTED'" 2> /dev/null)
	# This query's own connection is the one counted when nobody else is there.
	if [ "$connected" = 1 ]; then quiet=$((quiet + poll)); else quiet=0; fi
	if [ $quiet -ge "$idle" ]; then
		kill -TERM $server
		waited=0
		while kill -0 $server 2> /dev/null && [ $waited -lt 60 ]; do
			sleep 1
			waited=$((waited + 1))
		done
		# Not yet waited for, so its process id cannot have gone to another process.
		kill -KILL $server 2> /dev/null
		break
	fi
done
wait $server
# A server that never became ready is left to the JVM that started it, which reports why.
[ -e "$dir/ready" ] && rm -rf "$dir"
