%% otp_gen.erl — unmodified gen_server, gen_statem and gen_event from OTP:
%% calls, casts, infos, timeouts, state transitions, handlers, proc_lib
%% start/ack, and what a crash logs: the gen_server's ERROR REPORT and
%% proc_lib's CRASH REPORT, a gen_statem's, a crashing gen_event handler's,
%% printed by the default logger handler (masked by otp_log_fmt).
-module(otp_gen).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).
-export([callback_mode/0, locked/3, open/3]).
-export([proc_start/1]).

main() ->
    otp_log_fmt:use_on_default(),
    {ok, S} = gen_server:start_link(?MODULE, 10, []),
    io:format("call: ~p~n", [gen_server:call(S, get)]),
    gen_server:cast(S, {add, 5}),
    S ! {add, 1},
    io:format("after cast+info: ~p~n", [gen_server:call(S, get)]),
    io:format("timeout: ~p~n", [element(1, element(2, catch gen_server:call(S, slow, 50)))]),
    process_flag(trap_exit, true),
    Crash = (catch gen_server:call(S, crash)),
    otp_log_fmt:sync(),
    io:format("crash: ~p~n", [element(1, element(2, Crash))]),
    receive {'EXIT', S, R} -> io:format("server exit: ~p~n", [element(1, R)]) after 500 -> ok end,
    {ok, Named} = gen_server:start({local, counter}, ?MODULE, 0, []),
    io:format("named: ~p ~p~n", [gen_server:call(counter, get), whereis(counter) =:= Named]),
    ok = gen_server:stop(counter),
    io:format("stopped: ~p~n", [whereis(counter)]),
    statem(),
    event(),
    {ok, P} = proc_lib:start_link(?MODULE, proc_start, [self()]),
    io:format("proc_lib ack from ~p~n", [is_pid(P)]),
    io:format("initial_call ~p~n", [proc_lib:initial_call(P)]),
    ok.

proc_start(_Parent) ->
    proc_lib:init_ack({ok, self()}),
    receive stop -> ok end.

%% gen_server
init(N) -> {ok, N}.
handle_call(get, _From, N) -> {reply, N, N};
handle_call(slow, _From, N) -> timer:sleep(200), {reply, late, N};
handle_call(crash, _From, _N) -> error(deliberate).
handle_cast({add, K}, N) -> {noreply, N + K}.
handle_info({add, K}, N) -> {noreply, N + K};
handle_info(_, N) -> {noreply, N}.
terminate(_, _) -> ok.

%% gen_statem (through otp_gen_statem_cb): a lock with code 42
callback_mode() -> state_functions.
locked({call, From}, {button, 42}, D) -> {next_state, open, D, [{reply, From, opened}, {state_timeout, 30, lock}]};
locked({call, From}, {button, _}, D) -> {keep_state, D, [{reply, From, wrong}]};
locked({call, From}, state, D) -> {keep_state, D, [{reply, From, locked}]};
locked({call, _From}, crash, _D) -> error({jammed, locked}).
open(state_timeout, lock, D) -> {next_state, locked, D};
open({call, From}, state, D) -> {keep_state, D, [{reply, From, open}]};
open({call, From}, {button, _}, D) -> {keep_state, D, [{reply, From, already_open}]}.

statem() ->
    {ok, L} = gen_statem:start(otp_gen_statem_cb, [], []),
    io:format("statem: ~p ~p ~p~n", [gen_statem:call(L, {button, 1}), gen_statem:call(L, {button, 42}),
                                    gen_statem:call(L, state)]),
    wait_locked(L),
    io:format("statem after timeout: ~p~n", [gen_statem:call(L, state)]),
    {'EXIT', {{{jammed, locked}, _}, _}} = (catch gen_statem:call(L, crash)),
    otp_log_fmt:sync(),
    io:format("statem crashed: ~p~n", [is_process_alive(L)]).

wait_locked(L) ->
    case gen_statem:call(L, state) of
        locked -> ok;
        open -> timer:sleep(10), wait_locked(L)
    end.

%% gen_event: otp_gen_evh collects events; a crashing handler is removed
%% (and reported), the manager goes on
event() ->
    {ok, M} = gen_event:start(),
    ok = gen_event:add_handler(M, otp_gen_evh, []),
    ok = gen_event:add_handler(M, {otp_gen_evh, fragile}, fragile),
    gen_event:notify(M, one),
    gen_event:sync_notify(M, two),
    io:format("event handlers: ~p, events ~p~n",
              [lists:sort(gen_event:which_handlers(M)), gen_event:call(M, otp_gen_evh, get)]),
    gen_event:sync_notify(M, crash),
    otp_log_fmt:sync(),
    io:format("after crash: ~p, events ~p~n",
              [gen_event:which_handlers(M), gen_event:call(M, otp_gen_evh, get)]),
    gen_event:stop(M).
