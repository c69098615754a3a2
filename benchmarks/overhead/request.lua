wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer @KEY@"
local file = io.open(os.getenv("REQUEST_JSON") or "benchmarks/overhead/request.json", "r")
wrk.body = file:read("*a")
file:close()
