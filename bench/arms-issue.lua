-- wrk script for the arms issue-rate benchmark (bench/arms-issue.sh): every request issues a weapon stocked in
-- advance (serial IB<run>T<thread>N<n>, stocked by the script for n up to PER_THREAD) to a new holder (document
-- D<run><thread>x<n>), as armory-kyiv at KYIV-POLICE-01 with HTTP Basic and the current TOTP code in X-Legion-OTP.
-- wrk's Lua has no HMAC: the script computes the codes of the next steps beforehand and passes them as arguments
-- (wrk ... -- RUN AUTH STEP0 CODE0 CODE1 ...); each request takes the code of the step it is made in, so one code
-- serves its whole 30-second step, as it does for an officer's client.
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

local run, auth, step0
local codes = {}

function init(args)
  run = args[1]
  auth = args[2]
  step0 = tonumber(args[3])
  for i = 4, #args do
    codes[i - 4] = args[i]
  end
  math.randomseed(os.time() * 1000 + id)
end

local surnames = {"Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник", "Shevchenko",
  "Kovalenko", "Бойко", "Лисенко", "Савченко", "Руденко", "Марченко", "Petrenko"}
local given = {"Олександр", "Андрій", "Тарас", "Сергій", "Дмитро", "Oleksandr", "Іван", "Микола", "Юрій", "Олена",
  "Наталія", "Ірина", "Bohdan", "Максим", "Василь"}
local function pick(list)
  return list[math.random(1, #list)]
end

request = function()
  counter = counter + 1
  local step = math.floor(os.time() / 30)
  local code = codes[step - step0] or codes[#codes]
  local body = '{"make":"AKM","serial":"IB' .. run .. 'T' .. id .. 'N' .. counter .. '",'
    .. '"holder":{"surname":"' .. pick(surnames) .. '","givenNames":"' .. pick(given) .. '",'
    .. '"dateOfBirth":"' .. string.format("%04d-%02d-%02d", math.random(1950, 2000), math.random(1, 12), math.random(1, 28)) .. '",'
    .. '"documentNumber":"D' .. run .. 'T' .. id .. 'X' .. counter .. '","legalStatus":"CITIZEN"},'
    .. '"rounds":90,"magazines":3}'
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["Authorization"] = auth
  headers["X-Legion-OTP"] = code
  return wrk.format("POST", "/api/v1/arms/issues", headers, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 201 and (statuses[status] <= 3) then
    io.stderr:write("status " .. status .. ": " .. body:sub(1, 300) .. "\n")
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
