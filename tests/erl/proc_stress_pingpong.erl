%% proc_stress_pingpong.erl — a ping-pong storm: many pairs exchange numbered
%% messages at once; every receiver checks that each sender's messages
%% arrive in order, none lost, none twice. Prints only totals.
-module(proc_stress_pingpong).
-export([main/0]).

-define(PAIRS, 200).
-define(ROUNDS, 500).

main() ->
    Self = self(),
    Pairs = [spawn_pair(Self) || _ <- lists:seq(1, ?PAIRS)],
    [A ! go || {A, _} <- Pairs],
    Results = [receive {done, A, R} -> R end || {A, _} <- Pairs],
    io:format("pairs ~p, all ok: ~p~n", [length(Results), lists:all(fun(R) -> R =:= ok end, Results)]),
    %% many senders to one receiver: per-sender order holds
    Sink = spawn(fun() -> sink(#{}, 0, Self) end),
    Senders = [spawn(fun() -> [Sink ! {seq, self(), I} || I <- lists:seq(1, 300)] end) || _ <- lists:seq(1, 50)],
    Sink ! {expect, length(Senders) * 300},
    receive {sink, Count, Bad} -> io:format("sink got ~p, out of order ~p~n", [Count, Bad]) end.

spawn_pair(Parent) ->
    B = spawn(fun() -> pong(0) end),
    A = spawn(fun() -> receive go -> ping(B, 1), Parent ! {done, self(), ok} end end),
    {A, B}.

ping(B, N) when N > ?ROUNDS -> B ! stop, ok;
ping(B, N) ->
    B ! {ping, self(), N},
    receive {pong, N} -> ping(B, N + 1);
            Other -> exit({unexpected, Other, N})
    end.

pong(Last) ->
    receive
        {ping, From, N} when N =:= Last + 1 -> From ! {pong, N}, pong(N);
        {ping, _, N} -> exit({out_of_order, Last, N});
        stop -> ok
    end.

sink(Seen, Bad, Parent) ->
    receive
        {seq, From, I} ->
            Prev = maps:get(From, Seen, 0),
            sink(Seen#{From => I}, Bad + (if I =:= Prev + 1 -> 0; true -> 1 end), Parent);
        {expect, N} -> drain(Seen, Bad, N, Parent)
    end.

drain(Seen, Bad, N, Parent) ->
    Total = lists:sum(maps:values(Seen)),
    case Total >= N of
        true -> Parent ! {sink, Total, Bad};
        false ->
            receive {seq, From, I} ->
                Prev = maps:get(From, Seen, 0),
                drain(Seen#{From => I}, Bad + (if I =:= Prev + 1 -> 0; true -> 1 end), N, Parent)
            end
    end.
