%% otp_sup.erl — unmodified supervisor and gen_server from OTP: restarts per
%% strategy (one_for_one, one_for_all, rest_for_one), giving up once the
%% restart intensity is exceeded, and the SUPERVISOR REPORTs the default
%% logger handler prints on stdout (pids and times masked by otp_log_fmt).
-module(otp_sup).
-behaviour(supervisor).
-export([main/0, init/1, start_worker/1]).
-export([wloop/1]).

main() ->
    otp_log_fmt:use_on_default(),
    process_flag(trap_exit, true),
    [run(S) || S <- [one_for_one, one_for_all, rest_for_one]],
    give_up(),
    ok.

run(Strategy) ->
    {ok, Sup} = supervisor:start_link(?MODULE, Strategy),
    Before = children(Sup),
    [{_, B, _, _}] = [C || C = {b, _, _, _} <- supervisor:which_children(Sup)],
    kill(B),
    After = children(Sup),
    Changed = [Id || {{Id, P1}, {Id, P2}} <- lists:zip(Before, After), P1 =/= P2],
    otp_log_fmt:sync(),
    io:format("~p: restarted ~p, counts ~p~n",
              [Strategy, lists:sort(Changed), supervisor:count_children(Sup)]),
    unlink(Sup),
    Ref = monitor(process, Sup),
    exit(Sup, shutdown),
    receive {'DOWN', Ref, process, Sup, R} -> io:format("sup stopped: ~p~n", [R]) end.

%% A child killed and gone; the supervisor, asked next, has seen it go.
kill(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, crash),
    receive {'DOWN', Ref, process, Pid, _} -> ok end.

give_up() ->
    {ok, Sup} = supervisor:start_link(?MODULE, intense),
    [{_, A, _, _}] = supervisor:which_children(Sup),
    kill(A),
    [{_, A2, _, _}] = supervisor:which_children(Sup),
    otp_log_fmt:sync(),
    io:format("restarted once: ~p~n", [A2 =/= A]),
    exit(A2, crash),
    receive {'EXIT', Sup, Reason} ->
            otp_log_fmt:sync(),
            io:format("supervisor gave up: ~p~n", [Reason])
    after 2000 -> io:format("supervisor still alive~n")
    end.

children(Sup) ->
    lists:sort([{Id, P} || {Id, P, _, _} <- supervisor:which_children(Sup)]).

init(intense) ->
    {ok, {#{strategy => one_for_one, intensity => 1, period => 10},
          [#{id => a, start => {?MODULE, start_worker, [a]}}]}};
init(Strategy) ->
    {ok, {#{strategy => Strategy, intensity => 5, period => 10},
          [#{id => Id, start => {?MODULE, start_worker, [Id]}} || Id <- [a, b, c]]}}.

start_worker(Id) ->
    {ok, spawn_link(?MODULE, wloop, [Id])}.

wloop(Id) ->
    receive _ -> wloop(Id) end.
