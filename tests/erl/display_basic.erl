-module(display_basic).
-export([main/0]).

%% erlang:display/1 writes straight to stdout from the runtime (not through io); this file uses
%% only erlang:display, so there is no ordering question between the two output paths.

main() ->
    Terms = [42, -7, 1 bsl 80, 1.5, -0.25, 1.0e100, 0.1, atom, 'Quoted atom', "string", [1, 2, 3], [a | b], [],
             {}, {a, {b, c}}, <<"bin">>, <<1, 2, 255>>, <<1:3>>, #{}, #{k => v, 1 => [2]}, "", [[]], 'é', "é",
             [955], <<"é"/utf8>>],
    [erlang:display(T) || T <- Terms],
    erlang:display(lists:seq(1, 30)),
    erlang:display_string("display_string\n"),
    ok.
