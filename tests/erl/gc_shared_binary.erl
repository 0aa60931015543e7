%% gc_shared_binary.erl — large binaries are shared, not copied: one 100 MB
%% binary passed around 1,000 processes keeps binary memory near 100 MB, and
%% stays while its creator holds it after the others exit.
-module(gc_shared_binary).
-export([main/0]).

holder(Parent) ->
    receive
        {bin, B, Next} ->
            Next ! {bin, B, self()},
            Parent ! {held, byte_size(B)},
            receive stop -> byte_size(B) end
    end.

main() ->
    Self = self(),
    Big = binary:copy(<<7>>, 100000000),
    Ps = [spawn(fun() -> holder(Self) end) || _ <- lists:seq(1, 1000)],
    [P ! {bin, Big, Q} || {P, Q} <- lists:zip(Ps, tl(Ps) ++ [Self])],
    Sizes = [receive {held, S} -> S end || _ <- Ps],
    receive {bin, _, _} -> ok end,
    io:format("held by 1000: ~p, binary memory under 150 MB: ~p~n",
              [lists:usort(Sizes), erlang:memory(binary) < 150000000]),
    Sub = binary:part(Big, 10, 5),
    [begin R = monitor(process, P), P ! stop, receive {'DOWN', R, _, _, _} -> ok end end || P <- Ps],
    io:format("part: ~p ~p~n", [Sub, binary:referenced_byte_size(Sub)]),
    io:format("still held by its creator: ~p ~p~n", [erlang:memory(binary) >= 100000000, byte_size(Big)]).
